package dk.hotline.routing.referral;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** An organisation's view of a referral: PRIMARY (owns it) or COPY (informed). */
@Entity
@Table(name = "inbox_entry")
public class InboxEntryEntity extends PanacheEntityBase {
    public static final String PRIMARY = "PRIMARY";
    public static final String COPY = "COPY";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inbox_entry_ids")
    @SequenceGenerator(name = "inbox_entry_ids", sequenceName = "inbox_entry_ids", allocationSize = 50)
    public Long id;
    @Column(name = "referral_id")
    public String referralId;
    @Column(name = "organisation_id")
    public String organisationId;
    public String role;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "first_read_at")
    public Instant firstReadAt;
}
