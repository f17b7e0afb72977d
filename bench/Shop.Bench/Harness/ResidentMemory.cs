namespace Shop.Bench.Harness;

/// <summary>
/// A process's resident memory in MiB.
/// <list type="bullet">
/// <item><see cref="Resident"/>: <c>VmRSS</c>, every resident page it maps, counted in full even when other processes
/// map the same page (the runtime and framework files every .NET process loads).</item>
/// <item><see cref="Proportional"/>: PSS, each shared page divided among the processes that map it. The sum over all
/// processes is the memory they use together, so this is what the process costs.</item>
/// <item>PSS in three parts: <see cref="Anonymous"/> (GC heap, native heaps, stacks), <see cref="RuntimeCode"/> (JIT
/// code, stubs and type data, which .NET keeps in a shared memory file it maps twice, writable and executable, never
/// both: W^X) and <see cref="Files"/> (this process's share of the mapped assemblies and native libraries).</item>
/// </list>
/// </summary>
public sealed record ResidentMemory(double Resident, double Proportional, double Anonymous, double RuntimeCode, double Files);
