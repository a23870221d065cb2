using System.Diagnostics.CodeAnalysis;

// The tests of CxDashboard.Data.Imports live in a namespace named after it; "Imports" is a Visual Basic keyword only.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:CxDashboard.Data.Tests.Imports",
    Justification = "Named after the namespace under test; C# only.")]
