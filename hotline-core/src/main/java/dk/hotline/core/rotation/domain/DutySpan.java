package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.vocabulary.Site;

import java.time.LocalTime;

/**
 * Part of a local day on which one site is on duty by one rule. Local wall-clock
 * times; {@code to == 00:00} means midnight at the end of the day.
 */
public record DutySpan(LocalTime from, LocalTime to, Site site, Decision decision) {
}
