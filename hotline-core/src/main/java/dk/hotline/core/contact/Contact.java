package dk.hotline.core.contact;

import dk.hotline.core.advice.domain.AdviceLog;
import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.core.contact.domain.Channel;
import dk.hotline.core.contact.domain.ContactStatus;
import dk.hotline.platform.crypto.SealedColumn;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A contact (henvendelse) and its advice log. Site and line come from the call or the advisor's token. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    /** The summary is sealed to its row (docs/decisions/shared-modules.md). */
    public static final SealedColumn SUMMARY = new SealedColumn("contact", "id", "summary");

    @Id
    public UUID id;

    @Column(name = "call_id")
    public String callId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public Line line;

    @Enumerated(EnumType.STRING)
    public Site site;

    @Column(name = "advisor_endpoint")
    public String advisorEndpoint;

    /** The other site, when the call was handed on to it: its advisors read and write this log too. */
    @Enumerated(EnumType.STRING)
    @Column(name = "shared_site")
    public Site sharedSite;

    @Column(name = "created_by")
    public String createdBy;

    @Enumerated(EnumType.STRING)
    public ContactStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_role")
    public CallerRole callerRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "caller_sector")
    public Sector callerSector;

    @Enumerated(EnumType.STRING)
    @Column(name = "concern_category")
    public ConcernCategory concernCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Convert(converter = AdviceThemesConverter.class)
    @Column(name = "advice_themes")
    public Set<AdviceTheme> adviceThemes = EnumSet.noneOf(AdviceTheme.class);

    /** Stored sealed; every {@code contact.summary} outside this class goes through the accessors below. */
    public String summary;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "finalised_at")
    public Instant finalisedAt;

    @Column(name = "finalised_by")
    public String finalisedBy;

    @Version
    public long version;

    public String getSummary() {
        return SUMMARY.open(id, summary);
    }

    public void setSummary(String text) {
        summary = SUMMARY.seal(id, text);
    }

    public AdviceLog log() {
        return new AdviceLog(callerRole, callerSector, concernCategory, ageBand, municipalityCode, adviceThemes, getSummary(), outcome);
    }

    public void setLog(AdviceLog log) {
        callerRole = log.callerRole();
        callerSector = log.callerSector();
        concernCategory = log.concernCategory();
        ageBand = log.ageBand();
        municipalityCode = log.municipalityCode();
        adviceThemes = log.adviceThemes().isEmpty() ? EnumSet.noneOf(AdviceTheme.class) : EnumSet.copyOf(log.adviceThemes());
        setSummary(log.summary());
        outcome = log.outcome();
    }
}
