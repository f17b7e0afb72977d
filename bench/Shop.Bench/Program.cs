using System.Diagnostics;
using Shop.Bench;
using Shop.Bench.Harness;
using Shop.Bench.Reporting;
using Shop.Bench.Sections;
using Shop.Bench.Soak;

// scripts/bench.sh runs this in Release: dotnet run -c Release --project bench/Shop.Bench -- [--quick] [--soak [MINUTES]] [--output DIR] [--startup FILE]
var options = BenchArguments.Parse(args);
var settings = options.Quick ? BenchSettings.QuickCheck : BenchSettings.Full;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var log = Console.Out;

// The soak is a run of its own (bench/README.md, "Soak"): steady load for minutes, none of the sections below.
if (options.SoakMinutes is { } soakMinutes)
{
    return await SoakRun.RunAsync(SoakSettings.For(soakMinutes), options.OutputDirectory, log, ct);
}

var clock = Stopwatch.StartNew();

var machine = await MachineInfoProbe.ReadAsync(ct);
await log.WriteLineAsync($"Shop benchmark ({(options.Quick ? "quick" : "full")}), {machine.Cores} cores, {machine.Configuration}");

await using var shop = await BenchedShop.StartAsync(ct);
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] app started; gateway {shop.GatewayAddress}");

// No service restarts during the run (only the broker does), so the processes are looked up once.
var serviceProcesses = await shop.ServiceProcessIdsAsync(ct);
var cpu = new CpuAccounting(serviceProcesses);
var product = await GatewayOverhead.AnyProductAsync(shop.GatewayAddress, ct);
var gateway = await GatewayOverhead.RunAsync(shop, product, cpu, settings, ct);
await log.WriteLineAsync(
    $"[{clock.Elapsed:mm\\:ss}] gateway overhead: direct {gateway.Direct.RequestsPerSecond:F0}/s, gateway {gateway.Gateway.RequestsPerSecond:F0}/s, " +
    $"nginx {gateway.Nginx.RequestsPerSecond:F0}/s (gateway/nginx {gateway.GatewayToNginx})");

using var client = ShopClient.For(shop.GatewayAddress);
var workload = await Workload.CreateAsync(shop, client, settings, ct);
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] order pipeline, {settings.PipelineStep.TotalSeconds} s per step:");
var pipeline = await OrderPipeline.RunAsync(workload, cpu, settings, log, ct);

var serverConnectionString = await shop.PostgresConnectionStringAsync(ct);
var databases = new ServiceDatabases(serverConnectionString);
var database = await DatabaseBound.RunAsync(workload, databases, serverConnectionString, settings, ct);
await log.WriteLineAsync(
    $"[{clock.Elapsed:mm\\:ss}] {database.WriteTransactionsPerOrder} writing ({database.TransactionsPerOrder} in all) transactions per order; pgbench TPC-B {database.TpcB.TransactionsPerSecond:F0} tps, " +
    $"select-only {database.SelectOnly.TransactionsPerSecond:F0} tps");

var memory = serviceProcesses
    .Select(process => new ProcessMemory(
        process.Key, process.Value, LinuxProcess.Memory(process.Value) ?? new ResidentMemory(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)))
    .ToList();

var idle = await IdleCost.RunAsync(shop, databases, cpu, settings, ct);
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] idle: Shop's processes {idle.ShopPercentOfCore} % of one core over {idle.WindowSeconds} s");

var outageRate = (pipeline.SustainedOrdersPerSecond ?? settings.PipelineRates[0]) / 2;
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] broker outage at {outageRate}/s:");
var outage = await BrokerOutage.RunAsync(shop, workload, databases, outageRate, settings, log, ct);

await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] event bus against Wolverine, {settings.BusPeerEvents} events per run:");
var busPeer = await BusPeerComparison.RunAsync(shop, databases, serviceProcesses, settings, log, ct);
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] Wolverine / Shop: throughput {busPeer.WolverineToShopThroughput}x, CPU per event {busPeer.WolverineToShopCpuPerEvent}x");

var report = new BenchReport(
    machine, options.Quick, await StartupFile.ReadAsync(options.StartupFile, ct), gateway, pipeline, database, memory, idle, outage, busPeer);
await ReportWriter.WriteAsync(report, options.OutputDirectory, ct);
await log.WriteLineAsync($"[{clock.Elapsed:mm\\:ss}] report written to {Path.Combine(options.OutputDirectory, "latest.md")}");

var problems = ReportWriter.Problems(report);
foreach (var problem in problems)
{
    await Console.Error.WriteLineAsync($"FAILED: {problem}");
}

return problems.Count == 0 ? 0 : 1;
