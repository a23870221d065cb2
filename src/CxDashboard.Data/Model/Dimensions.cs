namespace CxDashboard.Data.Model;

/// <summary>A contact channel (voice, chat, email, self-service).</summary>
public class Channel : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    /// <summary>Stable upper-case code used in files ("VOICE").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>True for automated channels where no agent handles the contact.</summary>
    public bool IsAutomated { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>Who handles contacts: the organisation itself or an outsourcing (BPO) partner.</summary>
public class Partner : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>In-house or outsourced.</summary>
public enum PartnerKind
{
    InHouse,
    Outsourced,
}

/// <summary>A customer segment (consumer, business).</summary>
public class Segment : IVersioned
{
    public int Id { get; set; }
    /// <inheritdoc />
    public uint Version { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
