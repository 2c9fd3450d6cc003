package com.acme.shop.bench;

import java.util.List;

/**
 * When is a path warm? Its throughput over the last {@code window} warm-up slices varies
 * by at most {@code tolerance} (max − min, relative to their mean). JIT compilation on
 * two busy cores takes minutes, so a fixed warm-up measures the compiler.
 */
record Stability(int window, double tolerance) {

    Stability {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2");
        }
    }

    boolean isStable(List<Double> series) {
        return spread(series) <= tolerance;
    }

    /** Relative spread of the last {@code window} values; infinity with fewer values. */
    double spread(List<Double> series) {
        if (series.size() < window) {
            return Double.POSITIVE_INFINITY;
        }
        List<Double> last = series.subList(series.size() - window, series.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return mean <= 0 ? Double.POSITIVE_INFINITY : (max - min) / mean;
    }

}
