package dk.hotline.core.statistics;

import dk.hotline.core.support.OnVertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A year of hotline data with answers known in advance, written straight into core's tables.
 * <ul>
 *   <li>Contacts: 10 × m finalised logs in month m (780); odd months Aarhus (360), even Copenhagen (420).
 *   One of January's is at 00:30 on 1 January Danish time (23:30 UTC on 31 December the year before).
 *   Outside the year: one at 00:30 on 1 January of the next year (Danish), and a draft in June.</li>
 *   <li>Yearly index i (0–779): concern MILITANT_ISLAMISM i&lt;400, RIGHT_WING 400–699, LEFT_WING 700–702, none after;
 *   role by i mod 3 (professional, relative, private citizen: 260 each); professionals' sector SCHOOL when i mod 6 = 0,
 *   POLICE when 3 (130 each); age UNDER_15 i&lt;4, AGE_15_17 4–9, else 25+ (770); municipality 461 Odense
 *   (Syddanmark) for even i, 751 Aarhus (Midtjylland) for odd; outcome REFERRAL for i ≥ 700 (80), else ADVICE_ONLY.</li>
 *   <li>Referrals for the 80: HIGH for the first 40, MEDIUM for 36, LOW for 4. Routing's events: the 40 HIGH ones routed
 *   to infohus-fyn, 30 of them accepted within the deadline (18 then "confirmed, case started", 12 "not confirmed"),
 *   6 accepted late, 4 rejected; the MEDIUM ones routed to infohus-koebenhavn (20) and infohus-oestjylland (16), not
 *   yet accepted; the LOW ones have no event yet.</li>
 *   <li>Calls: 10 answered a month (120), the j-th of the year (1–120) waiting j s and talking 10·j s; 2 abandoned
 *   a month (24); 7 while the line was closed (in March); one answered call after the year's end.</li>
 * </ul>
 */
final class GeneratedYear {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");

    private final Pool pool;
    private final int year;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    GeneratedYear(Pool pool, int year) {
        this.pool = pool;
        this.year = year;
    }

    Instant local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(CPH).toInstant();
    }

    void write() {
        List<Tuple> contacts = new ArrayList<>();
        List<Tuple> referrals = new ArrayList<>();
        List<Tuple> statuses = new ArrayList<>();
        int i = 0;
        for (int m = 1; m <= 12; m++) {
            String site = m % 2 == 1 ? "AARHUS" : "COPENHAGEN";
            for (int k = 0; k < 10 * m; k++, i++) {
                Instant at = m == 1 && k == 0 ? local(1, 1, 0, 30) : local(m, 10, 9, 0).plusSeconds(60L * k);
                UUID id = UUID.randomUUID();
                contacts.add(contact(id, site, at, "FINAL", i));
                if (i >= 700) {
                    String severity = i < 740 ? "HIGH" : i < 776 ? "MEDIUM" : "LOW";
                    UUID referral = UUID.randomUUID();
                    Instant created = at.plusSeconds(3600);
                    Instant deadline = created.plusSeconds(48 * 3600);
                    referrals.add(Tuple.from(new Object[] {referral, id, site, severity, utc(created),
                            utc(deadline), municipality(i), age(i), concern(i)}));
                    int r = i - 700;
                    if (r < 40) {
                        statuses.add(status(referral, "ROUTED", "infohus-fyn", "Infohus Fyn", created.plusSeconds(60), deadline, null));
                        if (r < 36) {
                            Instant accepted = created.plusSeconds(r < 30 ? 2 * 3600 : 50 * 3600);
                            statuses.add(status(referral, "ACCEPTED", "infohus-fyn", "Infohus Fyn", accepted, deadline, null));
                            if (r < 30) {
                                statuses.add(status(referral, "OUTCOME_RECORDED", "infohus-fyn", "Infohus Fyn", accepted.plusSeconds(86400),
                                        deadline, r < 18 ? "CONFIRMED_CASE_STARTED" : "NOT_CONFIRMED"));
                            }
                        } else {
                            statuses.add(status(referral, "REJECTED", "infohus-fyn", "Infohus Fyn", created.plusSeconds(7200), deadline, null));
                        }
                    } else if (r < 76) {
                        String recipient = r < 60 ? "infohus-koebenhavn" : "infohus-oestjylland";
                        statuses.add(status(referral, "ROUTED", recipient, r < 60 ? "Infohus København" : "Infohus Østjylland",
                                created.plusSeconds(60), deadline, null));
                    }
                }
            }
        }
        contacts.add(contact(UUID.randomUUID(), "AARHUS", LocalDateTime.of(year + 1, 1, 1, 0, 30).atZone(CPH).toInstant(), "FINAL", 0));
        contacts.add(contact(UUID.randomUUID(), "COPENHAGEN", local(6, 12, 10, 0), "DRAFT", 0));
        batch("""
                INSERT INTO contact (id, channel, line, site, status, caller_role, caller_sector, concern_category, age_band,
                                     municipality_code, outcome, created_at, updated_at, finalised_at)
                VALUES ($1, 'PHONE_OUTSIDE_SYSTEM', 'NATIONAL', $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)""", contacts);
        batch("""
                INSERT INTO referral (id, contact_id, line, site, severity, acute, created_at, deadline_at, municipality_code,
                                      age_band, concern_category, legal_basis)
                VALUES ($1, $2, 'NATIONAL', $3, $4, false, $5, $6, $7, $8, $9, 'ANONYMOUS')""", referrals);
        batch("""
                INSERT INTO referral_status (event_id, referral_id, status, recipient_id, recipient_name, occurred_at, deadline_at,
                                             received_at, outcome)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $6, $8)""", statuses);

        List<Tuple> calls = new ArrayList<>();
        int j = 1;
        for (int m = 1; m <= 12; m++) {
            String site = m % 2 == 1 ? "AARHUS" : "COPENHAGEN";
            for (int k = 0; k < 10; k++, j++) {
                Instant offered = local(m, 11, 10, k);
                calls.add(call("ENDED", site, offered, offered.plusSeconds(j), (long) j, 10L * j));
            }
            for (int k = 0; k < 2; k++) {
                calls.add(call("ABANDONED", site, local(m, 12, 10, k), null, 30L, null));
            }
        }
        for (int k = 0; k < 7; k++) {
            calls.add(call("CLOSED", "AARHUS", local(3, 14, 23, k), null, null, null));
        }
        Instant after = LocalDateTime.of(year + 1, 1, 1, 0, 10).atZone(CPH).toInstant();
        calls.add(call("ENDED", "COPENHAGEN", after, after.plusSeconds(5000), 5000L, 5000L));
        batch("""
                INSERT INTO call_record (call_id, state, line, site, offered_at, connected_at, last_event_at, wait_seconds,
                                         talk_seconds, updated_at)
                VALUES ($1, $2, 'NATIONAL', $3, $4, $5, $4, $6, $7, $4)""", calls);
    }

    private Tuple contact(UUID id, String site, Instant at, String status, int i) {
        String role = switch (i % 3) {
            case 0 -> "PROFESSIONAL";
            case 1 -> "RELATIVE";
            default -> "PRIVATE_CITIZEN";
        };
        String sector = i % 6 == 0 ? "SCHOOL" : i % 6 == 3 ? "POLICE" : null;
        return Tuple.from(new Object[] {id, site, status, role, sector, concern(i), age(i), municipality(i),
                i >= 700 ? "REFERRAL" : "ADVICE_ONLY", utc(at), "FINAL".equals(status) ? utc(at) : null});
    }

    private Tuple status(UUID referral, String status, String recipient, String name, Instant at, Instant deadline, String outcome) {
        return Tuple.from(new Object[] {"stats-" + tag + "-" + UUID.randomUUID(), referral, status, recipient, name, utc(at),
                utc(deadline), outcome});
    }

    private Tuple call(String state, String site, Instant offered, Instant connected, Long wait, Long talk) {
        return Tuple.from(new Object[] {"stats-" + tag + "-" + UUID.randomUUID(), state, site, utc(offered),
                connected == null ? null : utc(connected), wait, talk});
    }

    private static String concern(int i) {
        return i < 400 ? "MILITANT_ISLAMISM" : i < 700 ? "RIGHT_WING_EXTREMISM" : i < 703 ? "LEFT_WING_EXTREMISM" : null;
    }

    private static String age(int i) {
        return i < 4 ? "UNDER_15" : i < 10 ? "AGE_15_17" : "AGE_25_PLUS";
    }

    private static String municipality(int i) {
        return i % 2 == 0 ? "461" : "751";
    }

    private void batch(String sql, List<Tuple> rows) {
        OnVertx.await(() -> pool.preparedQuery(sql).executeBatch(rows));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
