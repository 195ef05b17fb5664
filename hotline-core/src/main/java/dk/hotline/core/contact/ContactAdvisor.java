package dk.hotline.core.contact;

import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One advisor who held a contact's call: the first, and each colleague the call was handed on to. Written only when a
 * call is handed on (a contact without rows here had one advisor, {@link Contact#advisorEndpoint}).
 */
@Entity
@Table(name = "contact_advisor")
public class ContactAdvisor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "advisor_endpoint")
    public String advisorEndpoint;

    @Enumerated(EnumType.STRING)
    public Site site;

    @Column(name = "joined_at")
    public Instant joinedAt;

    /** When this advisor's call went on to a colleague; null while they hold it. */
    @Column(name = "handed_on_at")
    public Instant handedOnAt;
}
