package jp.machi.core.demo;

import java.util.List;

/**
 * Fired once core's demo data went into an empty database; a module observes it to add its own
 * demo data for these municipalities, so that a restart never adds anything twice.
 */
public record DemoDataLoaded(List<String> municipalityCodes) {
}
