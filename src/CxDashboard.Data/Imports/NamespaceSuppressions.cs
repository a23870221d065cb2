using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword, but the namespace is the contract the web app and the API code against,
// and the app is C# throughout; the name says what is in it.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:CxDashboard.Data.Imports",
    Justification = "The contract's namespace; C# only.")]
