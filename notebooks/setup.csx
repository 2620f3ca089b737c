// The setup every notebook shares, loaded by its first cell with #load "setup.csx" after the NuGet packages, which
// that cell names itself: the kernel restores #r "nuget:" only in a cell, not in a loaded file (error CS0006).
// Plain using directives of a loaded file stay in the file; global ones reach every later cell.

// The library and the web app's client (notebook 08), built by tools/setup.sh (the paths are relative to this file).
#r "../lib/BreastCancer.Analysis/bin/BreastCancer.Analysis.dll"
#r "../lib/BreastCancer.WebApp.Client/bin/BreastCancer.WebApp.Client.dll"

// The library's layers (lib/BreastCancer.Analysis/README.md), bottom to top.
global using BreastCancer.Analysis.Data;
global using BreastCancer.Analysis.Data.Consistency;
global using BreastCancer.Analysis.Data.Splits;
global using BreastCancer.Analysis.Exploration;
global using BreastCancer.Analysis.Pipeline;
global using BreastCancer.Analysis.Modeling;
global using BreastCancer.Analysis.Features;
global using BreastCancer.Analysis.Evaluation;
global using BreastCancer.Analysis.Selection;
global using BreastCancer.Analysis.Tuning;
global using BreastCancer.Analysis.Explanation;
global using BreastCancer.Analysis.Deployment;
global using BreastCancer.Analysis.Monitoring;
global using BreastCancer.Analysis.Charts;
global using BreastCancer.Analysis.Display;
global using BreastCancer.WebApp.Client;

// Files (notebooks 01 and 08) and the kernel's invocation context (the progress lines of notebook 06).
global using System.IO;
global using Microsoft.DotNet.Interactive;

// Charts, data frames and the library's result records shown as tables and interactive charts, in the notebook
// and in the exports alike; registered after the packages, so that they win over the packages' own formatters.
NotebookFormatters.Register();

// plotly.js (Plotly.NET's copy, no CDN) in this cell's output, so that the charts draw offline. Here rather than with
// the first chart: running that chart's cell again would replace the output that held the page's only copy, and the
// saved notebook's charts would stay blank when it is opened again.
KernelInvocationContext.Current.DisplayAs(ChartHtml.PlotlyScript(), "text/html");
