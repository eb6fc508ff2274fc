// <ld-chart>: an ECharts chart drawn from its option, drawn again when the option changes,
// sized with its box and disposed with it. ECharts loads with the first chart on a page.
import { Component, define, html } from './base.js';
import * as vendor from '../vendor.js';

export class Chart extends Component {
  static properties = { option: { attribute: false } };

  render() { return html``; }

  async updated() {
    const echarts = await vendor.echarts();
    if (!this.isConnected || !this.option) return;
    if (!this.chart) {
      this.chart = echarts.init(this);
      this.resizing = new ResizeObserver(() => this.chart?.resize());
      this.resizing.observe(this);
    }
    this.chart.setOption(this.option, true);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizing?.disconnect();
    this.chart?.dispose();
    this.chart = null;
  }
}
define('ld-chart', Chart);
