import {
  DataPoint,
  DataPointType,
  Histogram,
  MetricData,
  MetricReader,
  ResourceMetrics,
} from '@opentelemetry/sdk-metrics';

/** A reader that exports nowhere: the test collects from it whenever it wants to look. */
export class CollectingReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}

  async metrics(): Promise<MetricData[]> {
    const { resourceMetrics, errors } = await this.collect();
    if (errors.length) {
      throw errors[0];
    }
    return metricsOf(resourceMetrics);
  }
}

function metricsOf(resourceMetrics: ResourceMetrics): MetricData[] {
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
}

/** The data points of one instrument, each as its attributes and value. */
export function pointsOf(metrics: MetricData[], name: string) {
  const metric = metrics.find((candidate) => candidate.descriptor.name === name);
  return ((metric?.dataPoints ?? []) as Array<DataPoint<number | Histogram>>).map((point) => ({
    attributes: point.attributes,
    value: point.value,
  }));
}

/** The number of samples each histogram series holds. */
export function sampleCounts(metrics: MetricData[], name: string) {
  const metric = metrics.find((candidate) => candidate.descriptor.name === name);
  if (metric && metric.dataPointType !== DataPointType.HISTOGRAM) {
    throw new Error(`${name} is not a histogram`);
  }
  return (metric?.dataPoints ?? []).map((point) => ({ attributes: point.attributes, count: point.value.count }));
}
