// Draws the monitoring dashboard's charts: fetches their Plotly figures from /api/monitoring/charts and hands each to
// plotly.js (served by the app at /js/plotly.min.js). Loaded as a file, since the app's CSP forbids inline script; the
// mode bar stays off because plotly.js styles it with a <style> element of its own, which the CSP forbids too.
"use strict";

(async function drawDashboard() {
  const holders = document.querySelectorAll("[data-chart]");
  if (holders.length === 0) {
    return;
  }

  let body;
  try {
    const response = await fetch("/api/monitoring/charts", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw new Error(`the charts could not be loaded: HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    holders.forEach((holder) => {
      holder.textContent = String(error.message || error);
      holder.classList.add("chart-missing");
    });
    return;
  }

  for (const chart of body.charts) {
    const holder = document.querySelector(`[data-chart="${chart.id}"]`);
    if (!holder) {
      continue;
    }
    if (chart.figure) {
      holder.textContent = "";
      await Plotly.newPlot(holder, chart.figure.data, chart.figure.layout, { responsive: true, displayModeBar: false });
      holder.dataset.drawn = "true";
    } else {
      holder.textContent = chart.missing;
      holder.classList.add("chart-missing");
    }
  }
  document.body.dataset.chartsDrawn = "true";
})();
