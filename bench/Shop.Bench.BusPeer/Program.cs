using System.Globalization;
using Shop.Bench.BusPeer;
using Shop.Bench.BusPeer.ShopBus;
using Shop.Bench.BusPeer.WolverineBus;

// Run by the harness (bench/Shop.Bench, Sections/BusPeerComparison.cs), one process per bus and run. The harness reads
// the lines this writes and measures every process's CPU between "warm" and "measured", so the protocol is:
//   -> "warm"                    the bus is started and has moved the warm-up events
//   <- any line                  the harness took its first CPU snapshot
//   -> "measured SECONDS"        the measured events' receipts are all committed
//   <- any line (or stdin shut)  the harness took its second snapshot; the peer stops and drops its database
var arguments = PeerArguments.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;

await PeerDatabase.RecreateAsync(arguments.ServerConnectionString, arguments.DatabaseName, ct);
try
{
    await using IPeerBus bus = arguments.Bus == PeerArguments.ShopBus
        ? await ShopBusPeer.StartAsync(arguments, ct)
        : await WolverineBusPeer.StartAsync(arguments, ct);

    await PeerBroker.WaitForConsumerAsync(arguments.Messaging, bus.Queue, ct);
    await PeerLoad.RunAsync(bus, arguments.DatabaseConnectionString, 1, arguments.WarmUpEvents, arguments.Producers, arguments.WarmUpEvents, ct);
    Console.WriteLine("warm");
    await Console.In.ReadLineAsync(ct);

    var seconds = await PeerLoad.RunAsync(
        bus, arguments.DatabaseConnectionString, arguments.WarmUpEvents + 1, arguments.Events, arguments.Producers,
        arguments.WarmUpEvents + arguments.Events, ct);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured {seconds:F3}"));
    await Console.In.ReadLineAsync(ct);
}
finally
{
    await PeerDatabase.DropAsync(arguments.ServerConnectionString, arguments.DatabaseName, CancellationToken.None);
}

return 0;
