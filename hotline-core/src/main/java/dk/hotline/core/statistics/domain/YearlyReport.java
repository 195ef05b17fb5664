package dk.hotline.core.statistics.domain;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.contracts.vocabulary.Vocabulary;
import dk.hotline.contracts.vocabulary.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The statistics of one period (a year or a month) for one selection of site and line, every figure already
 * suppressed (see {@link Suppression}). This is what the page, the API and the CSV export show; nothing else is.
 */
public record YearlyReport(ReportPeriod period, String site, String line,
                           Breakdown contactsByMonth,
                           Breakdown callsOffered, Breakdown callsAnswered, Breakdown callsAbandoned,
                           Cell callsWhileClosed,
                           Spread waiting, Spread talk,
                           Breakdown concern, Breakdown callerRole, Breakdown sector, Breakdown ageBand,
                           Breakdown region, Breakdown outcome,
                           Breakdown referralsBySeverity, Breakdown referralsByRecipient, Breakdown deadlineAdherence,
                           Breakdown recipientOutcome,
                           Share infohusOutsideCopenhagenAndAarhus,
                           Baseline baseline) {

    /** The 2015 reference before the hotline: 100 contacts gave 18 cases. */
    public static final long BASELINE_CONTACTS = 100;
    public static final long BASELINE_CASES = 18;

    /** Label of the cell of records where a field was not filled in. */
    public static final String NOT_RECORDED_LABEL = "Ikke oplyst";

    /** Infohuse of the two rotation sites' own police districts; the rest are "outside". */
    public static final List<String> HOME_INFOHUSE = List.of("infohus-koebenhavn", "infohus-oestjylland");

    /** Cases started per 100 contacts, this period against 2015. */
    public record Baseline(Cell contacts, Cell casesStarted, Share casesPerHundredContacts, String baselineShown) {
    }

    /** Deadline adherence cells, in order. */
    public static final Map<String, String> DEADLINE_LABELS = ordered(
            "IN_TIME", "Visiteret inden fristen",
            "LATE", "Visiteret efter fristen",
            "OPEN_OVERDUE", "Ikke visiteret, fristen overskredet",
            "OPEN", "Ikke visiteret, inden for fristen",
            "REJECTED", "Afvist af modtager");

    /** What recipients recorded, in order. */
    public static final Map<String, String> RECIPIENT_OUTCOME_LABELS = ordered(
            "CASE_STARTED", "Bekræftet – sagsforløb igangsat",
            "NOT_CONFIRMED", "Ikke bekræftet",
            "HANDED_TO_POLICE", "Overdraget til politi/PET",
            "REFERRED_TO_OTHER_SERVICE", "Henvist til anden indsats",
            "NO_CONTACT", "Ingen kontakt opnået",
            "NONE", "Intet udfald registreret endnu");

    public static YearlyReport assemble(ReportPeriod period, String site, String line, RawFigures raw,
                                        Function<String, String> regionOfMunicipality) {
        List<Integer> months = new ArrayList<>();
        for (int m = period.firstMonth(); m <= period.lastMonth(); m++) {
            months.add(m);
        }
        Breakdown byMonth = Suppression.apply("contactsByMonth", months.stream()
                .map(m -> new Count(Integer.toString(m), Months.NAMES.get(m - 1), raw.contacts("month").getOrDefault(Integer.toString(m), 0L)))
                .toList());
        Breakdown offered = callsBy(months, raw, "callsOffered", RawFigures.CallMonth::offered);
        Breakdown answered = callsBy(months, raw, "callsAnswered", RawFigures.CallMonth::answered);
        Breakdown abandoned = callsBy(months, raw, "callsAbandoned", RawFigures.CallMonth::abandoned);
        long closed = raw.calls().values().stream().mapToLong(RawFigures.CallMonth::whileClosed).sum();

        Map<String, Long> sectors = raw.contacts("sector");
        Map<String, Long> regions = new TreeMap<>();
        raw.contacts("municipality").forEach((code, n) -> regions.merge(
                RawFigures.NOT_RECORDED.equals(code) ? RawFigures.NOT_RECORDED : regionOrUnknown(regionOfMunicipality, code), n, Long::sum));

        Map<String, Long> recipients = raw.referrals("recipient");
        List<Count> recipientCounts = recipients.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Count(e.getKey(), raw.recipientNames().getOrDefault(e.getKey(), recipientLabel(e.getKey())), e.getValue()))
                .toList();
        long toInfohuse = recipients.entrySet().stream().filter(e -> e.getKey().startsWith("infohus-")).mapToLong(Map.Entry::getValue).sum();
        long toOtherInfohuse = recipients.entrySet().stream()
                .filter(e -> e.getKey().startsWith("infohus-") && !HOME_INFOHUSE.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();

        long contacts = raw.contacts("month").values().stream().mapToLong(Long::longValue).sum();
        long cases = raw.referrals("outcome").getOrDefault("CASE_STARTED", 0L);
        Baseline baseline = new Baseline(Suppression.single("contacts", "Henvendelser", contacts),
                Suppression.single("casesStarted", "Sager startet", cases),
                Share.of(cases, contacts),
                BASELINE_CASES + " sager pr. " + BASELINE_CONTACTS + " henvendelser (2015)");

        return new YearlyReport(period, site, line, byMonth, offered, answered, abandoned,
                Suppression.single("callsWhileClosed", "Opkald mens linjen var lukket", closed),
                Spread.of(raw.waiting().calls(), raw.waiting().median(), raw.waiting().p90()),
                Spread.of(raw.talk().calls(), raw.talk().median(), raw.talk().p90()),
                vocabulary("concern", ConcernCategory.values(), raw.contacts("concern")),
                vocabulary("callerRole", CallerRole.values(), raw.contacts("role")),
                vocabulary("sector", Sector.values(), sectors),
                vocabulary("ageBand", AgeBand.values(), raw.contacts("age")),
                Suppression.apply("region", regions.entrySet().stream()
                        .sorted(Comparator.comparing(e -> RawFigures.NOT_RECORDED.equals(e.getKey()) ? "\uffff" : e.getKey()))
                        .map(e -> new Count(e.getKey(), RawFigures.NOT_RECORDED.equals(e.getKey()) ? NOT_RECORDED_LABEL : e.getKey(), e.getValue()))
                        .toList()),
                vocabulary("outcome", Outcome.values(), raw.contacts("outcome")),
                vocabulary("referralsBySeverity", Severity.values(), raw.referrals("severity")),
                Suppression.apply("referralsByRecipient", recipientCounts),
                labelled("deadlineAdherence", DEADLINE_LABELS, raw.referrals("deadline")),
                labelled("recipientOutcome", RECIPIENT_OUTCOME_LABELS, raw.referrals("outcome")),
                Share.of(toOtherInfohuse, toInfohuse),
                baseline);
    }

    /** Every breakdown of the report, in the order the page and the CSV show them. */
    public List<Breakdown> breakdowns() {
        return List.of(contactsByMonth, callsOffered, callsAnswered, callsAbandoned, concern, callerRole, sector, ageBand,
                region, outcome, referralsBySeverity, referralsByRecipient, deadlineAdherence, recipientOutcome);
    }

    private static Breakdown callsBy(List<Integer> months, RawFigures raw, String name, ToLongFunction<RawFigures.CallMonth> f) {
        return Suppression.apply(name, months.stream()
                .map(m -> new Count(Integer.toString(m), Months.NAMES.get(m - 1),
                        raw.calls().containsKey(m) ? f.applyAsLong(raw.calls().get(m)) : 0L))
                .toList());
    }

    /** One cell per value of the vocabulary, then "not recorded" when any record lacks the field. */
    private static <V extends Enum<V> & Vocabulary> Breakdown vocabulary(String name, V[] values, Map<String, Long> counts) {
        List<Count> cells = new ArrayList<>();
        for (V v : values) {
            cells.add(new Count(v.name(), v.da(), counts.getOrDefault(v.name(), 0L)));
        }
        if (counts.getOrDefault(RawFigures.NOT_RECORDED, 0L) > 0) {
            cells.add(new Count(RawFigures.NOT_RECORDED, NOT_RECORDED_LABEL, counts.get(RawFigures.NOT_RECORDED)));
        }
        return Suppression.apply(name, cells);
    }

    private static Breakdown labelled(String name, Map<String, String> labels, Map<String, Long> counts) {
        return Suppression.apply(name, labels.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue(), counts.getOrDefault(e.getKey(), 0L))).toList());
    }

    private static String regionOrUnknown(Function<String, String> regionOf, String code) {
        String region = regionOf.apply(code);
        return region == null ? RawFigures.NOT_RECORDED : region;
    }

    private static String recipientLabel(String id) {
        return RawFigures.NOT_RECORDED.equals(id) ? "Ikke sendt videre endnu" : id;
    }

    private static Map<String, String> ordered(String... keysAndLabels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            m.put(keysAndLabels[i], keysAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
