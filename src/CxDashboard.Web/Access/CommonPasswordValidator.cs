using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Identity;

namespace CxDashboard.Web.Access;

/// <summary>
/// Refuses the passwords people pick most often (OWASP ASVS 5.0, V6.2): about 18,000 of 8 characters or more,
/// compared without regard to case. Length is checked by Identity's own rules; nothing else about the
/// characters is required, as ASVS advises against composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<CxUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>True when <paramref name="password"/> is on the list of common passwords.</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password);

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<CxUser> manager, CxUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is one of the most common passwords and easy to guess: choose another, for example a few unrelated words.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CxDashboard.Web.Access.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the app.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        return set;
    }
}
