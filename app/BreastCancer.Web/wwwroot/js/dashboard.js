// Draws the monitoring dashboard's charts: fetches their Plotly figures from /api/monitoring/charts and hands each to
// plotly.js (served by the app at /js/plotly.min.js). Loaded as a file, since the app's CSP forbids inline script; the
// mode bar stays off because plotly.js styles it with a <style> element of its own, which the CSP forbids too.
// The app answers the charts as last built and builds them again in the background when the store has moved; while
// they are behind the counts the page was rendered with, they are asked for again every half second (up to 20 times).
"use strict";

(async function drawDashboard() {
  const holders = document.querySelectorAll("[data-chart]");
  if (holders.length === 0) {
    return;
  }

  const count = (id) => Number(document.getElementById(id)?.textContent ?? "0");
  const behind = (body) => body.predictions < count("prediction-count") || body.outcomes < count("outcome-count");
  const pause = () => new Promise((resolve) => setTimeout(resolve, 500));

  async function fetchCharts() {
    const response = await fetch("/api/monitoring/charts", { headers: { Accept: "application/json" } });
    if (!response.ok) {
      throw new Error(`the charts could not be loaded: HTTP ${response.status}`);
    }
    return response.json();
  }

  async function draw(body) {
    for (const chart of body.charts) {
      const holder = document.querySelector(`[data-chart="${chart.id}"]`);
      if (!holder) {
        continue;
      }
      if (chart.figure) {
        holder.textContent = "";
        holder.classList.remove("chart-missing");
        await Plotly.newPlot(holder, chart.figure.data, chart.figure.layout, { responsive: true, displayModeBar: false });
        holder.dataset.drawn = "true";
      } else {
        holder.textContent = chart.missing;
        holder.classList.add("chart-missing");
      }
    }
  }

  try {
    let body = await fetchCharts();
    await draw(body);
    document.body.dataset.chartsDrawn = "true";
    for (let tries = 0; tries < 20 && behind(body); tries++) {
      await pause();
      body = await fetchCharts();
      await draw(body);
    }
  } catch (error) {
    holders.forEach((holder) => {
      holder.textContent = String(error.message || error);
      holder.classList.add("chart-missing");
    });
  }
})();
