import * as echarts from 'echarts';

/**
 * <funnel-chart>: an Apache ECharts chart whose option (JSON) the server sets in the "option"
 * attribute. Clicking a data item fires "chart-click" with the series and data index.
 */
class FunnelChart extends HTMLElement {
  private chart?: echarts.ECharts;
  private observer?: ResizeObserver;

  static get observedAttributes() {
    return ['option'];
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
      this.chart.setOption(JSON.parse(option), true);
    }
  }
}

customElements.define('funnel-chart', FunnelChart);
