package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.LocalTime;

/**
 * Part of a local day on which the line is open and one site answers. Local
 * wall-clock times; {@code to == 00:00} means midnight at the end of the day.
 */
public record OpenPeriod(LocalTime from, LocalTime to, Site site) {
}
