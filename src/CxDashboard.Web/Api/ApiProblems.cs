using Microsoft.AspNetCore.Mvc;

namespace CxDashboard.Web.Api;

/// <summary>Writes the API's refusals as problem documents (RFC 9457, application/problem+json), each with a sentence to act on.</summary>
public static class ApiProblems
{
    /// <summary>Writes a problem document with <paramref name="status"/>, a short title and the full reason.</summary>
    public static Task WriteAsync(
        HttpContext context, int status, string title, string detail,
        Action<IHeaderDictionary>? headers = null, IDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        headers?.Invoke(context.Response.Headers);
        return Result(status, title, detail, extensions).ExecuteAsync(context);
    }

    /// <summary>A problem result with <paramref name="status"/>, a short title and the full reason.</summary>
    public static IResult Result(int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return TypedResults.Problem(problem);
    }
}
