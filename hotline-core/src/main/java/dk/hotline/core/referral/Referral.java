package dk.hotline.core.referral;

import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.platform.crypto.SealedColumn;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.UUID;

/** A concern handed on from a finalised log; one per log. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    public static final SealedColumn DESCRIPTION = new SealedColumn("referral", "id", "description");
    public static final SealedColumn CALLER_NAME = new SealedColumn("referral", "id", "caller_name");
    public static final SealedColumn CALLER_PHONE = new SealedColumn("referral", "id", "caller_phone");
    public static final SealedColumn CALLER_EMAIL = new SealedColumn("referral", "id", "caller_email");

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

    /* The description and the caller's contact are stored sealed to this row; field accesses go through the accessors. */
    public String description;

    @Column(name = "caller_name")
    public String callerName;

    @Column(name = "caller_phone")
    public String callerPhone;

    @Column(name = "caller_email")
    public String callerEmail;

    @Column(name = "created_by")
    public String createdBy;

    /**
     * The row as stored, in {@link ReferralInsert}'s column order, the sealed fields as sealed. They are read through
     * var handles: Panache turns every read of a public field, in this class too, into its accessor, which opens them.
     */
    Object[] storedValues() {
        return new Object[]{id, contactId, idempotencyKey, line.name(), site.name(), severity.name(), acute,
                ReferralInsert.utc(createdAt), ReferralInsert.utc(deadlineAt), municipalityCode, ageBand.name(),
                concernCategory == null ? null : concernCategory.name(), legalBasis.name(), STORED_DESCRIPTION.get(this),
                STORED_CALLER_NAME.get(this), STORED_CALLER_PHONE.get(this), STORED_CALLER_EMAIL.get(this), createdBy};
    }

    private static final VarHandle STORED_DESCRIPTION = stored("description");
    private static final VarHandle STORED_CALLER_NAME = stored("callerName");
    private static final VarHandle STORED_CALLER_PHONE = stored("callerPhone");
    private static final VarHandle STORED_CALLER_EMAIL = stored("callerEmail");

    private static VarHandle stored(String field) {
        try {
            return MethodHandles.lookup().findVarHandle(Referral.class, field, String.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getDescription() {
        return DESCRIPTION.open(id, description);
    }

    public void setDescription(String text) {
        description = DESCRIPTION.seal(id, text);
    }

    public String getCallerName() {
        return CALLER_NAME.open(id, callerName);
    }

    public void setCallerName(String name) {
        callerName = CALLER_NAME.seal(id, name);
    }

    public String getCallerPhone() {
        return CALLER_PHONE.open(id, callerPhone);
    }

    public void setCallerPhone(String phone) {
        callerPhone = CALLER_PHONE.seal(id, phone);
    }

    public String getCallerEmail() {
        return CALLER_EMAIL.open(id, callerEmail);
    }

    public void setCallerEmail(String email) {
        callerEmail = CALLER_EMAIL.seal(id, email);
    }
}
