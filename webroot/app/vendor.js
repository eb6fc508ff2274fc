// The two large libraries (ECharts, Cytoscape.js, from WebJars) load only on the pages that
// draw with them, once per page load; the login and the forms never fetch them.
const loading = new Map();

function script(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.onload = resolve;
      el.onerror = () => { loading.delete(src); reject(new Error(`could not load ${src}`)); };
      document.head.append(el);
    }));
  }
  return loading.get(src);
}

export const echarts = () => script('/webjars/echarts/5.5.0/echarts.min.js').then(() => window.echarts);
export const cytoscape = () => script('/webjars/cytoscape/3.33.1/dist/cytoscape.min.js').then(() => window.cytoscape);
