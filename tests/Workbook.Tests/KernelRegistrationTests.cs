using System.Text.Json.Nodes;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>
/// The <c>.net-csharp</c> kernel as the README's set-up command registers it with Jupyter. Each kernel process serves
/// its browser-side script over HTTP on the first free port of its <c>--http-port-range</c>; a browser refuses to fetch
/// from a port on the Fetch standard's list of bad ports, so a kernel that lands on one (the tool's default range,
/// 2048–3000, holds 2049, NFS) leaves the notebook page without the kernel's script whenever a second kernel runs.
/// </summary>
public sealed class KernelRegistrationTests
{
    /// <summary>The bad ports of the Fetch standard, §2.9 "Port blocking" (https://fetch.spec.whatwg.org/#port-blocking).</summary>
    private static readonly int[] BadPorts =
    [
        1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
        111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
        540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
        6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
    ];

    [Fact]
    public async Task The_registered_kernel_serves_its_script_on_no_port_a_browser_refuses()
    {
        var list = await ChildProcess.RunAsync("/usr/bin/jupyter", ["kernelspec", "list", "--json"], Repository.Root, TimeSpan.FromMinutes(1));
        Assert.True(list.ExitCode == 0, list.Stdout + list.Stderr);
        var argv = JsonNode.Parse(list.Stdout)!["kernelspecs"]![".net-csharp"]?["spec"]?["argv"]?.AsArray().Select(a => (string)a!).ToList();
        Assert.True(argv is not null, "the .net-csharp kernel is not registered (run tools/setup.sh)");

        var option = argv.IndexOf("--http-port-range");
        Assert.True(option >= 0 && option + 1 < argv.Count, $"no --http-port-range in the kernel's command: {string.Join(' ', argv)}");
        var bounds = argv[option + 1].Split('-').Select(int.Parse).ToArray();
        var refused = BadPorts.Where(p => p >= bounds[0] && p <= bounds[1]).ToList();
        Assert.True(refused.Count == 0, $"the kernel's port range {argv[option + 1]} holds ports browsers refuse: {string.Join(", ", refused)}");
    }
}
