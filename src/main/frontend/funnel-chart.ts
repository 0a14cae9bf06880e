import * as echarts from 'echarts';

/**
 * <funnel-chart>: an Apache ECharts chart whose option (JSON) the server sets in the "option"
 * attribute. Clicking a data item fires "chart-click" with the series and data index. Numbers on
 * value axes, in tooltips and in "{c}" labels are written in the "locale" attribute's language
 * (1.234,5 in pt-BR), not in ECharts' own English format.
 */
class FunnelChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private observer?: ResizeObserver;

  static get observedAttributes() {
    return ['option', 'locale'];
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.chart = echarts.init(this, undefined, { renderer: 'svg' });
    this.chart.on('click', (params: any) => {
      this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex ?? -1, name: String(params.name ?? '') },
      }));
    });
    this.observer = new ResizeObserver(() => this.chart?.resize());
    this.observer.observe(this);
    this.apply();
  }

  disconnectedCallback() {
    this.observer?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  attributeChangedCallback() {
    this.apply();
  }

  private apply() {
    const option = this.getAttribute('option');
    if (this.chart && option) {
      this.chart.setOption(localized(JSON.parse(option), this.getAttribute('locale') || undefined), true);
    }
  }
}

/** The option with number formatters of the locale where it leaves numbers to ECharts. */
function localized(option: any, locale?: string): any {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const format = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : String(value ?? ''));
  const template = (text: string, params: any) => text
    .replace(/\{a\}/g, String(params.seriesName ?? ''))
    .replace(/\{b\}/g, String(params.name ?? ''))
    .replace(/\{c\}/g, format(Array.isArray(params.value) ? params.value[params.value.length - 1] : params.value));
  for (const key of ['xAxis', 'yAxis']) {
    const axes = option[key] === undefined ? [] : Array.isArray(option[key]) ? option[key] : [option[key]];
    for (const axis of axes) {
      const isValue = axis.type === 'value' || (axis.type === undefined && key === 'yAxis');
      if (!isValue) {
        continue;
      }
      axis.axisLabel = axis.axisLabel ?? {};
      const given = axis.axisLabel.formatter;
      if (given === undefined || (typeof given === 'string' && given.includes('{value}'))) {
        const text = typeof given === 'string' ? given : '{value}';
        axis.axisLabel.formatter = (value: number) => text.replace('{value}', format(value));
      }
    }
  }
  const tooltip = option.tooltip;
  if (tooltip) {
    if (typeof tooltip.formatter === 'string' && tooltip.formatter.includes('{c}')) {
      const text = tooltip.formatter;
      tooltip.formatter = (params: any) => template(text, Array.isArray(params) ? params[0] : params);
    } else if (tooltip.formatter === undefined && tooltip.valueFormatter === undefined) {
      tooltip.valueFormatter = format;
    }
  }
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  for (const one of series) {
    for (const label of [one.label, ...(Array.isArray(one.data) ? one.data.map((d: any) => d?.label) : [])]) {
      if (label && typeof label.formatter === 'string' && label.formatter.includes('{c}')) {
        const text = label.formatter;
        label.formatter = (params: any) => template(text, params);
      }
    }
  }
  return option;
}

customElements.define('funnel-chart', FunnelChart);
