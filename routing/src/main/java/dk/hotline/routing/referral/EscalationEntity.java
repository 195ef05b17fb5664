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

/** An overdue referral escalated to the supervisors of a site. */
@Entity
@Table(name = "escalation")
public class EscalationEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "escalation_ids")
    @SequenceGenerator(name = "escalation_ids", sequenceName = "escalation_ids", allocationSize = 50)
    public Long id;
    @Column(name = "referral_id")
    public String referralId;
    public String site;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
}
