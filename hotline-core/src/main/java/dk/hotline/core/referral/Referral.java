package dk.hotline.core.referral;

import dk.hotline.core.advice.domain.AgeBand;
import dk.hotline.core.advice.domain.ConcernCategory;
import dk.hotline.platform.crypto.EncryptedText;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.core.referral.domain.Severity;
import dk.hotline.core.rotation.domain.Line;
import dk.hotline.core.rotation.domain.Site;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A concern handed on from a finalised log; one per log. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Enumerated(EnumType.STRING)
    public Line line;

    @Enumerated(EnumType.STRING)
    public Site site;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    public boolean acute;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "deadline_at")
    public Instant deadlineAt;

    @Column(name = "municipality_code")
    public String municipalityCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band")
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(name = "concern_category")
    public ConcernCategory concernCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis")
    public LegalBasis legalBasis;

    @Convert(converter = EncryptedText.class)
    public String description;

    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_name")
    public String callerName;

    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_phone")
    public String callerPhone;

    @Convert(converter = EncryptedText.class)
    @Column(name = "caller_email")
    public String callerEmail;

    @Column(name = "created_by")
    public String createdBy;
}
