using CxDashboard.Data.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CxDashboard.Web.Access;

/// <summary>
/// Tells the store who is working in each interactive circuit: every event, render and call coming in over the
/// circuit runs with the circuit user's <see cref="StoreActor"/>, so the audit trail names them and a partner
/// user's queries see only their partner's rows.
/// </summary>
public sealed class StoreActorCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    /// <inheritdoc />
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            using (StoreActor.Use(CxClaims.ActorOf(state.User)))
                await next(context);
        };
}

/// <summary>Middleware: each HTTP request (pages rendered on the server, downloads, the API) runs as its signed-in user.</summary>
public sealed class StoreActorMiddleware(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline with the request's actor current.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using (StoreActor.Use(CxClaims.ActorOf(context.User)))
            await next(context);
    }
}
