// Charts of the KPI panels: apexcharts driven from the Blazor ApexChart component. The component sends
// ready-made apexcharts options; this module adds what depends on the screen: the local CJK font stack
// (the hall has no internet, so no web fonts) and font sizes that follow the root font size, which the
// app scales with the screen width, so a 3840-pixel wall reads like a 1920-pixel one.
import ApexCharts from "apexcharts";

const fontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

function rem() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

// Deep-merges b into a (objects only; arrays and values from b win).
function merge(a, b) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) {
    out[key] = value && typeof value === "object" && !Array.isArray(value) && a[key] && typeof a[key] === "object"
      ? merge(a[key], value)
      : value;
  }
  return out;
}

function withScreenDefaults(options) {
  const { unit, ...apex } = options;
  const size = rem();
  const px = (factor) => `${Math.round(size * factor)}px`;
  const label = { style: { fontSize: px(0.8), fontFamily } };
  const format = (value) => (value == null ? "–" : `${Number.isInteger(value) ? value : value.toFixed(1)}${unit ? ` ${unit}` : ""}`);
  return merge({
    chart: { fontFamily, animations: { enabled: true, speed: 400 } },
    xaxis: { labels: label },
    yaxis: { labels: { ...label, maxWidth: Math.round(size * 9) } },
    legend: { fontSize: px(0.8), fontFamily, markers: { size: Math.round(size * 0.35) } },
    dataLabels: { style: { fontSize: px(0.75), fontFamily } },
    tooltip: { style: { fontSize: px(0.8), fontFamily }, y: { formatter: format } },
    plotOptions: { pie: { donut: { labels: { show: false } } } },
  }, apex);
}

/** Draws a chart into the element; returns the handle the component updates and destroys it through. */
export async function createChart(element, options) {
  const chart = new ApexCharts(element, withScreenDefaults(options));
  await chart.render();
  return {
    updateSeries: (series) => chart.updateSeries(series, true),
    updateOptions: (next) => chart.updateOptions(withScreenDefaults(next), false, true),
    destroy: () => chart.destroy(),
  };
}
