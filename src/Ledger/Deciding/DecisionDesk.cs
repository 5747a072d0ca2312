using JasperFx;
using Ledger.Database;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Marten;

namespace Ledger.Deciding;

/// <summary>A small in-process Wolverine host for `ledger decide`: commands go through the bus, events into Marten.</summary>
public sealed class DecisionDesk : IAsyncDisposable
{
    private readonly IHost _host;
    private DecisionDesk(IHost host) => _host = host;

    public static async Task<DecisionDesk> StartAsync(string connectionString)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .UseWolverine(opts =>
            {
                opts.Durability.Mode = DurabilityMode.MediatorOnly;
                opts.Services.AddMarten(m => LedgerStore.Configure(m, connectionString)).IntegrateWithWolverine();
                opts.Policies.AutoApplyTransactions();
                opts.Discovery.IncludeAssembly(typeof(DecisionDesk).Assembly);
            })
            .Build();
        await host.StartAsync();
        return new DecisionDesk(host);
    }

    public Task SendAsync(object command, CancellationToken ct = default) => _host.MessageBus().InvokeAsync(command, ct);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
