// The browser half of ApexChart.razor: creates, updates and destroys one apexcharts chart per call.
// Nothing is put on the global object and no code is built from strings at run time, so a content
// security policy without 'unsafe-eval' holds.
import ApexCharts from './lib/apexcharts/apexcharts.esm.js';

// apexcharts wants these types' series as plain numbers named by options.labels.
const sliceTypes = new Set(['donut', 'pie']);

export async function create(element, optionsJson) {
    const chart = new ApexCharts(element, prepare(JSON.parse(optionsJson)));
    try {
        await chart.render();
    } catch (error) {
        // A half-drawn chart would stay in the container and a later create would draw a second one beside it.
        chart.destroy();
        throw error;
    }
    return chart;
}

export async function updateOptions(chart, optionsJson) {
    await chart.updateOptions(prepare(JSON.parse(optionsJson)));
    revealDelayedElements(chart);
}

export async function updateSeries(chart, seriesJson) {
    await chart.updateSeries(toApexSeries(chart.w.config.chart.type, JSON.parse(seriesJson)));
    revealDelayedElements(chart);
}

export function destroy(chart) {
    chart.destroy();
}

function prepare(options) {
    if (options.series) {
        options.series = toApexSeries(options.chart?.type, options.series);
    }
    for (const [key, value] of Object.entries(options)) {
        if (key !== 'series') {
            attachFormatters(value);
        }
    }
    return options;
}

// apexcharts 4.7.0 hides markers and data labels while an update animates and shows them when the
// animation ends; with animations off no animation ends, so after an update they would stay hidden.
// This does what its own showDelayedElements does.
function revealDelayedElements(chart) {
    if (chart.w.config.chart.animations?.enabled !== false) {
        return;
    }
    for (const { el } of chart.w.globals.delayedElements ?? []) {
        el.classList.remove('apexcharts-element-hidden');
        el.classList.add('apexcharts-hidden-element-shown');
    }
}

function toApexSeries(type, series) {
    return sliceTypes.has(type) ? (series[0]?.data ?? []).map(v => v ?? 0) : series;
}

// Blazor Server cannot answer apexcharts' synchronous formatter calls from .NET, so ApexNumberFormat
// arrives as data ("numberFormat") and becomes an Intl.NumberFormat formatter here, without building code.
function attachFormatters(node) {
    if (Array.isArray(node)) {
        node.forEach(attachFormatters);
        return;
    }
    if (node === null || typeof node !== 'object') {
        return;
    }
    for (const [key, value] of Object.entries(node)) {
        if (key === 'numberFormat') {
            node.formatter = toFormatter(value);
            delete node.numberFormat;
        } else {
            attachFormatters(value);
        }
    }
}

function toFormatter(format) {
    const { locale, ...options } = format;
    // An invalid format (currency style without a currency) throws here, so create/update fail loudly.
    const numberFormat = new Intl.NumberFormat(locale, options);
    // Category labels and empty points reach formatters too: leave anything but a number as it is.
    return value => typeof value === 'number' && Number.isFinite(value) ? numberFormat.format(value) : value;
}
