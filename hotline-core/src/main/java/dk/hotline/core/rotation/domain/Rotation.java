package dk.hotline.core.rotation.domain;

import dk.hotline.contracts.schedule.Segment;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers who is on duty on a line and whether it is open, at any instant, from
 * one valid {@link RotationSchedule}. Immutable and thread-safe; build a new one
 * for a changed schedule (that is also the dry run: build it from the proposed
 * schedule and ask the same questions).
 *
 * <p>Business time is {@link #ZONE} (Europe/Copenhagen) whatever the clock's zone:
 * duty months and closure dates start at local midnight, opening hours are local
 * wall-clock times. Site precedence: override window &gt; month assignment &gt;
 * pattern (the local line is always Copenhagen). Open precedence: closure date &gt;
 * public holiday &gt; reduced day &gt; opening hours.
 */
public final class Rotation {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");
    /** How far {@link DutyAnswer#nextChangeAt()} is searched forward, in days. */
    public static final int SEARCH_HORIZON_DAYS = 400;
    /** Longest calendar query, in days. */
    public static final int MAX_CALENDAR_DAYS = 800;
    /** Longest timeline query. */
    public static final Duration MAX_TIMELINE = Duration.ofDays(800);
    /** First and last local dates the rotation answers for. */
    public static final LocalDate FIRST_SUPPORTED_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_SUPPORTED_DATE = LocalDate.of(2299, 12, 31);

    private static final Instant FIRST_SUPPORTED_INSTANT = FIRST_SUPPORTED_DATE.atStartOfDay(ZONE).toInstant();
    private static final Instant END_OF_SUPPORT = LAST_SUPPORTED_DATE.plusDays(1).atStartOfDay(ZONE).toInstant();
    private static final long NANOS_PER_DAY = 24L * 3600 * 1_000_000_000L;
    private static final String LOCAL_LINE_TEXT = "the Copenhagen local line is always " + Site.COPENHAGEN;
    private static final String OUTSIDE_HOURS_TEXT = "closed: outside opening hours";

    private final RotationSchedule schedule;
    private final Clock clock;
    private final Map<YearMonth, MonthAssignment> assignments;
    private final List<OverrideWindow> overrides;
    private final Map<LocalDate, List<ClosureDate>> closuresByDate;

    /**
     * @throws ScheduleViolationException when the schedule breaks a rule of {@link ScheduleValidator}
     */
    public Rotation(RotationSchedule schedule, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        List<Violation> violations = ScheduleValidator.validate(schedule);
        if (!violations.isEmpty()) {
            throw new ScheduleViolationException(violations);
        }
        this.schedule = schedule;
        this.clock = clock;
        Map<YearMonth, MonthAssignment> byMonth = new HashMap<>();
        schedule.monthAssignments().forEach(a -> byMonth.put(a.month(), a));
        this.assignments = Map.copyOf(byMonth);
        this.overrides = schedule.overrides().stream()
                .sorted(Comparator.comparing(OverrideWindow::from))
                .toList();
        this.closuresByDate = Map.copyOf(schedule.closureDates().stream()
                .collect(Collectors.groupingBy(ClosureDate::date)));
    }

    public RotationSchedule schedule() {
        return schedule;
    }

    /** Who is on duty on the line now (by the clock). */
    public DutyAnswer onDuty(Line line) {
        return onDuty(line, clock.instant());
    }

    /** Who is on duty on the line at an instant, whether it is open, why, and when that next changes. */
    public DutyAnswer onDuty(Line line, Instant at) {
        requireLine(line);
        requireSupported(at, "at");
        LocalDate date = localDate(at);
        List<Piece> today = dayPieces(line, date);
        Piece current = today.stream().filter(p -> p.covers(at)).findFirst()
                .orElseThrow(() -> new IllegalStateException("day pieces do not cover " + at));
        Instant next = null;
        LocalDate lastDay = min(date.plusDays(SEARCH_HORIZON_DAYS), LAST_SUPPORTED_DATE);
        search:
        for (LocalDate day = date; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Piece piece : day.equals(date) ? today : dayPieces(line, day)) {
                if (piece.to().isAfter(at) && !piece.sameState(current)) {
                    next = piece.from();
                    break search;
                }
            }
        }
        return new DutyAnswer(line, at, current.site(), current.open(),
                new Rule(current.siteDecision(), current.openDecision()), next);
    }

    /**
     * When the line is next open at or after an instant, within the search horizon: the dry run's "next opening" for a
     * closed line. Not the same as {@link DutyAnswer#nextChangeAt()}, which is also a change of site while closed
     * (a month's handover at midnight).
     */
    public Optional<Instant> nextOpeningAt(Line line, Instant at) {
        requireLine(line);
        requireSupported(at, "at");
        LocalDate date = localDate(at);
        LocalDate lastDay = min(date.plusDays(SEARCH_HORIZON_DAYS), LAST_SUPPORTED_DATE);
        for (LocalDate day = date; !day.isAfter(lastDay); day = day.plusDays(1)) {
            for (Piece piece : dayPieces(line, day)) {
                if (piece.open() && piece.to().isAfter(at)) {
                    return Optional.of(piece.from().isAfter(at) ? piece.from() : at);
                }
            }
        }
        return Optional.empty();
    }

    /** Per local day from {@code from} to {@code toInclusive}: sites, duty spans, open periods and the day's status. */
    public List<DayPlan> calendar(Line line, LocalDate from, LocalDate toInclusive) {
        requireLine(line);
        requireSupported(from, "from");
        requireSupported(toInclusive, "to");
        if (toInclusive.isBefore(from)) {
            throw new RotationQueryException("to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, toInclusive) + 1 > MAX_CALENDAR_DAYS) {
            throw new RotationQueryException("to", "at most " + MAX_CALENDAR_DAYS + " days per query");
        }
        List<DayPlan> plans = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(toInclusive); day = day.plusDays(1)) {
            plans.add(dayPlan(line, day));
        }
        return List.copyOf(plans);
    }

    /**
     * Contiguous segments covering [from, to) exactly, adjacent segments merged when
     * site, open and rule text are equal. This is what is published to the telephony adapter.
     */
    public List<Segment> timeline(Line line, Instant from, Instant to) {
        requireLine(line);
        requireSupported(from, "from");
        if (to == null) {
            throw new RotationQueryException("to", "is missing");
        }
        if (!from.isBefore(to)) {
            throw new RotationQueryException("from", "must be before to (" + to + ")");
        }
        if (to.isAfter(END_OF_SUPPORT)) {
            throw new RotationQueryException("to", "must not be after " + END_OF_SUPPORT);
        }
        if (Duration.between(from, to).compareTo(MAX_TIMELINE) > 0) {
            throw new RotationQueryException("to", "at most " + MAX_TIMELINE.toDays() + " days per query");
        }
        List<Segment> segments = new ArrayList<>();
        LocalDate last = localDate(to.minusNanos(1));
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Piece piece : dayPieces(line, day)) {
                Instant start = max(piece.from(), from);
                Instant end = min(piece.to(), to);
                if (!start.isBefore(end)) {
                    continue;
                }
                String rule = piece.rule().summary();
                int lastIndex = segments.size() - 1;
                Segment previous = lastIndex < 0 ? null : segments.get(lastIndex);
                if (previous != null && previous.site() == piece.site() && previous.open() == piece.open()
                        && previous.rule().equals(rule)) {
                    segments.set(lastIndex, new Segment(previous.from(), end, previous.site(), previous.open(), rule));
                } else {
                    segments.add(new Segment(start, end, piece.site(), piece.open(), rule));
                }
            }
        }
        return List.copyOf(segments);
    }

    /** The local date of an instant in {@link #ZONE}. */
    public static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** Local midnight at the start of a date, as an instant. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** Local midnight at the start of the first day of a month, as an instant. */
    public static Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /** True when the instant lies in the supported years. */
    public static boolean supports(Instant instant) {
        return !instant.isBefore(FIRST_SUPPORTED_INSTANT) && instant.isBefore(END_OF_SUPPORT);
    }

    // ---------------------------------------------------------------- one day

    private DayPlan dayPlan(Line line, LocalDate date) {
        Instant end = startOf(date.plusDays(1));
        List<Piece> pieces = dayPieces(line, date);
        List<DutySpan> duty = new ArrayList<>();
        List<OpenPeriod> open = new ArrayList<>();
        Instant dutyFrom = null;
        Instant openFrom = null;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            Piece next = i + 1 < pieces.size() ? pieces.get(i + 1) : null;
            if (dutyFrom == null) {
                dutyFrom = piece.from();
            }
            if (next == null || next.site() != piece.site() || !next.siteDecision().equals(piece.siteDecision())) {
                duty.add(new DutySpan(localTime(dutyFrom, end), localTime(piece.to(), end), piece.site(), piece.siteDecision()));
                dutyFrom = null;
            }
            if (piece.open()) {
                if (openFrom == null) {
                    openFrom = piece.from();
                }
                if (next == null || !next.open() || next.site() != piece.site()) {
                    open.add(new OpenPeriod(localTime(openFrom, end), localTime(piece.to(), end), piece.site()));
                    openFrom = null;
                }
            }
        }
        List<Site> sites = duty.stream().map(DutySpan::site).distinct().toList();
        return new DayPlan(date, sites, duty, open, opening(line, date).status());
    }

    private static LocalTime localTime(Instant instant, Instant endOfDay) {
        return instant.equals(endOfDay) ? LocalTime.MIDNIGHT : instant.atZone(ZONE).toLocalTime();
    }

    /** The day cut where site or open changes; pieces cover the local day exactly, in order. */
    private List<Piece> dayPieces(Line line, LocalDate date) {
        Instant start = startOf(date);
        Instant end = startOf(date.plusDays(1));
        List<SiteSpan> sites = siteSpans(line, date, start, end);
        DayOpening opening = opening(line, date);
        TreeSet<Instant> cuts = new TreeSet<>();
        sites.forEach(s -> {
            cuts.add(s.from());
            cuts.add(s.to());
        });
        opening.spans().forEach(s -> {
            cuts.add(s.from());
            cuts.add(s.to());
        });
        List<Piece> pieces = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Instant at = previous;
                SiteSpan site = sites.stream().filter(s -> s.covers(at)).findFirst().orElseThrow();
                OpenSpan open = opening.spans().stream().filter(s -> s.covers(at)).findFirst().orElseThrow();
                pieces.add(new Piece(previous, cut, site.site(), site.decision(), open.open(), open.decision()));
            }
            previous = cut;
        }
        return pieces;
    }

    private List<SiteSpan> siteSpans(Line line, LocalDate date, Instant start, Instant end) {
        if (line == Line.COPENHAGEN_LOCAL) {
            return List.of(new SiteSpan(start, end, Site.COPENHAGEN, new Decision(RuleKind.LOCAL_LINE, LOCAL_LINE_TEXT)));
        }
        YearMonth month = YearMonth.from(date);
        MonthAssignment assignment = assignments.get(month);
        Site monthSite = assignment != null ? assignment.site() : schedule.pattern().siteFor(month);
        Decision monthDecision = assignment != null
                ? new Decision(RuleKind.MONTH_ASSIGNMENT, assignment.explain())
                : new Decision(RuleKind.PATTERN, schedule.pattern().explain(month));
        List<SiteSpan> spans = new ArrayList<>();
        Instant cursor = start;
        for (OverrideWindow window : overrides) {
            if (!window.from().isBefore(end)) {
                break;
            }
            if (!window.to().isAfter(start)) {
                continue;
            }
            Instant from = max(window.from(), start);
            Instant to = min(window.to(), end);
            if (cursor.isBefore(from)) {
                spans.add(new SiteSpan(cursor, from, monthSite, monthDecision));
            }
            spans.add(new SiteSpan(from, to, window.site(), new Decision(RuleKind.OVERRIDE, window.explain())));
            cursor = to;
        }
        if (cursor.isBefore(end)) {
            spans.add(new SiteSpan(cursor, end, monthSite, monthDecision));
        }
        return spans;
    }

    /** Whether and when the line is open on a local date, and what decided it. */
    private DayOpening opening(Line line, LocalDate date) {
        Instant start = startOf(date);
        Instant end = startOf(date.plusDays(1));
        List<ClosureDate> closures = closuresByDate.getOrDefault(date, List.of()).stream()
                .filter(c -> c.appliesTo(line))
                .toList();
        if (!closures.isEmpty()) {
            String reasons = closures.stream().map(ClosureDate::reason)
                    .filter(r -> r != null && !r.isBlank()).map(String::strip)
                    .collect(Collectors.joining("; "));
            return DayOpening.closedAllDay(start, end, new Decision(RuleKind.CLOSURE,
                    "closed: closure date" + (reasons.isEmpty() ? "" : " (" + reasons + ")")));
        }
        ClosureSettings settings = schedule.closureSettings();
        if (settings.publicHolidaysClosed()) {
            var holiday = DanishHolidays.holidayOn(date);
            if (holiday.isPresent()) {
                return DayOpening.closedAllDay(start, end,
                        new Decision(RuleKind.HOLIDAY, "closed: " + holiday.get().displayName()));
            }
        }
        List<OpeningInterval> intervals = normalized(schedule.hoursOf(line).intervalsOn(date.getDayOfWeek()));
        LocalTime closesEarly = null;
        String reducedName = null;
        var reduced = DanishHolidays.reducedDayOn(date);
        if (reduced.isPresent()) {
            ReducedDayRule rule = settings.ruleFor(reduced.get());
            reducedName = reduced.get().displayName();
            if (rule.mode() == ReducedDayMode.CLOSED) {
                return DayOpening.closedAllDay(start, end,
                        new Decision(RuleKind.REDUCED_DAY, "closed: " + reducedName + ", reduced day"));
            }
            if (rule.mode() == ReducedDayMode.CLOSES_EARLY && !intervals.isEmpty()) {
                closesEarly = rule.closesAt();
            }
        }
        List<OpeningInterval> effective = closesEarly == null ? intervals : truncate(intervals, closesEarly);
        String earlySuffix = closesEarly == null ? ""
                : " (" + reducedName + ", reduced day closing at " + ExplanationFormat.time(closesEarly) + ")";
        Instant closesEarlyAt = closesEarly == null ? null : ZonedDateTime.of(date, closesEarly, ZONE).toInstant();

        List<OpenSpan> openRanges = new ArrayList<>();
        for (OpeningInterval interval : effective) {
            Instant from = ZonedDateTime.of(date, interval.opens(), ZONE).toInstant();
            Instant to = interval.untilMidnight() ? end : ZonedDateTime.of(date, interval.closes(), ZONE).toInstant();
            if (from.isBefore(to)) {
                openRanges.add(new OpenSpan(from, to, true, new Decision(RuleKind.OPENING_HOURS,
                        "open: within opening hours " + interval + earlySuffix)));
            }
        }
        List<OpenSpan> spans = new ArrayList<>();
        Decision outside = new Decision(RuleKind.OUTSIDE_HOURS, OUTSIDE_HOURS_TEXT);
        Decision afterEarlyClose = closesEarly == null ? null : new Decision(RuleKind.REDUCED_DAY,
                "closed: " + reducedName + ", reduced day closing at " + ExplanationFormat.time(closesEarly));
        Instant cursor = start;
        for (OpenSpan range : openRanges) {
            if (cursor.isBefore(range.from())) {
                spans.add(new OpenSpan(cursor, range.from(), false, outside));
            }
            spans.add(range);
            cursor = range.to();
        }
        if (cursor.isBefore(end)) {
            if (closesEarlyAt != null && closesEarlyAt.isAfter(cursor)) {
                spans.add(new OpenSpan(cursor, closesEarlyAt, false, outside));
                cursor = closesEarlyAt;
            }
            spans.add(new OpenSpan(cursor, end, false, afterEarlyClose != null ? afterEarlyClose : outside));
        }
        Decision status;
        if (closesEarly != null) {
            status = effective.isEmpty() ? afterEarlyClose : new Decision(RuleKind.REDUCED_DAY,
                    "open " + join(effective) + ": " + reducedName + ", reduced day closing at " + ExplanationFormat.time(closesEarly));
        } else if (effective.isEmpty()) {
            status = new Decision(RuleKind.OUTSIDE_HOURS, "closed: no opening hours on " + date.getDayOfWeek());
        } else {
            status = new Decision(RuleKind.OPENING_HOURS, "open " + join(effective));
        }
        return new DayOpening(status, spans);
    }

    /** Sorted, with touching or overlapping intervals joined into one. */
    private static List<OpeningInterval> normalized(List<OpeningInterval> intervals) {
        List<OpeningInterval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(OpeningInterval::opensNanos));
        List<OpeningInterval> joined = new ArrayList<>();
        for (OpeningInterval interval : sorted) {
            int last = joined.size() - 1;
            if (last >= 0 && interval.opensNanos() <= joined.get(last).closesNanos()) {
                OpeningInterval previous = joined.get(last);
                if (interval.closesNanos() > previous.closesNanos()) {
                    joined.set(last, new OpeningInterval(previous.opens(), interval.closes()));
                }
            } else {
                joined.add(interval);
            }
        }
        return joined;
    }

    private static List<OpeningInterval> truncate(List<OpeningInterval> intervals, LocalTime closesAt) {
        long limit = closesAt.toNanoOfDay();
        List<OpeningInterval> result = new ArrayList<>();
        for (OpeningInterval interval : intervals) {
            if (interval.opensNanos() >= limit) {
                continue;
            }
            result.add(interval.closesNanos() > limit ? new OpeningInterval(interval.opens(), closesAt) : interval);
        }
        return result;
    }

    private static String join(List<OpeningInterval> intervals) {
        return intervals.stream().map(OpeningInterval::toString).collect(Collectors.joining(", "));
    }

    private static void requireLine(Line line) {
        if (line == null) {
            throw new RotationQueryException("line", "is missing");
        }
    }

    private static void requireSupported(Instant instant, String field) {
        if (instant == null) {
            throw new RotationQueryException(field, "is missing");
        }
        if (!supports(instant)) {
            throw new RotationQueryException(field, "must lie within the supported years "
                    + FIRST_SUPPORTED_DATE.getYear() + "-" + LAST_SUPPORTED_DATE.getYear());
        }
    }

    private static void requireSupported(LocalDate date, String field) {
        if (date == null) {
            throw new RotationQueryException(field, "is missing");
        }
        if (date.isBefore(FIRST_SUPPORTED_DATE) || date.isAfter(LAST_SUPPORTED_DATE)) {
            throw new RotationQueryException(field, "must lie within the supported years "
                    + FIRST_SUPPORTED_DATE.getYear() + "-" + LAST_SUPPORTED_DATE.getYear());
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---------------------------------------------------------------- internal shapes

    private record SiteSpan(Instant from, Instant to, Site site, Decision decision) {
        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    private record OpenSpan(Instant from, Instant to, boolean open, Decision decision) {
        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    private record DayOpening(Decision status, List<OpenSpan> spans) {
        static DayOpening closedAllDay(Instant start, Instant end, Decision decision) {
            return new DayOpening(decision, List.of(new OpenSpan(start, end, false, decision)));
        }
    }

    private record Piece(Instant from, Instant to, Site site, Decision siteDecision, boolean open, Decision openDecision) {
        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }

        boolean sameState(Piece other) {
            return site == other.site && open == other.open;
        }

        Rule rule() {
            return new Rule(siteDecision, openDecision);
        }
    }
}
