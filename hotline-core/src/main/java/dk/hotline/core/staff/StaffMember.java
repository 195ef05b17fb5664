package dk.hotline.core.staff;

import dk.hotline.core.audit.AuditLog;
import dk.hotline.platform.problem.ProblemException;
import dk.hotline.contracts.vocabulary.Line;
import dk.hotline.contracts.vocabulary.Site;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.List;

/**
 * Who is asking, from the token only: name, roles, and for advisors their
 * site and PJSIP endpoint (claims {@code site} and {@code endpoint}). Nothing
 * here is ever taken from the request body; {@code lineClaim} is the optional
 * {@code line} claim, the line of contacts opened by hand. {@code reason} is the
 * {@value AuditLog#REASON_HEADER} header: why a supervisor reads outside their site.
 */
public record StaffMember(String name, Site site, String endpoint, boolean advisor, boolean supervisor, String reason,
                     String lineClaim) {

    public static StaffMember of(SecurityIdentity identity) {
        return of(identity, null);
    }

    public static StaffMember of(SecurityIdentity identity, String reason) {
        String site = claim(identity, "site");
        Site parsed = site == null ? null
                : Arrays.stream(Site.values()).filter(s -> s.name().equals(site)).findFirst().orElse(null);
        return new StaffMember(identity.getPrincipal().getName(), parsed, claim(identity, "endpoint"),
                identity.hasRole("advisor"), identity.hasRole("supervisor"), reason, claim(identity, "line"));
    }

    /** The role the audit log records for this staff member. */
    public String role() {
        return supervisor ? "supervisor" : advisor ? "advisor" : "none";
    }

    /**
     * The reason to record with a read of a record of {@code recordSite}. A
     * supervisor reading outside their own site must give one (400 naming the
     * header otherwise); within it, a reason is kept when given.
     */
    public String auditReason(Site recordSite) {
        if (supervisor && site != recordSite) {
            return AuditLog.requireReason(reason);
        }
        return reason == null || reason.isBlank() ? null : AuditLog.requireReason(reason);
    }

    /** Whether this staff member reads across sites: a supervisor who gave a reason (or has no site of their own). */
    public boolean readsAllSites() {
        if (!supervisor) {
            return false;
        }
        if (site == null) {
            AuditLog.requireReason(reason);
        }
        return reason != null && !reason.isBlank();
    }

    /** The site an advisor works for; an advisor without a valid site claim may not work on contacts. */
    public Site advisorSite() {
        if (!advisor || site == null) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "An advisor token with a site claim (AARHUS or COPENHAGEN) is required", List.of());
        }
        return site;
    }

    /**
     * The line of a contact this advisor opens by hand (not through a call): the token's
     * optional {@code line} claim, NATIONAL without it. Never from a request body. Only
     * Copenhagen's advisors work on Copenhagen's own line; a token that says otherwise is
     * refused (403), nothing is created.
     */
    public Line handOpenedLine() {
        Site own = advisorSite();
        String text = lineClaim;
        Line line = text == null || text.isBlank() ? Line.NATIONAL
                : Arrays.stream(Line.values()).filter(l -> l.name().equals(text)).findFirst().orElse(null);
        if (line == null || (line == Line.COPENHAGEN_LOCAL && own != Site.COPENHAGEN)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Your token does not allow contacts on this line (Copenhagen's own line is Copenhagen's)", List.of());
        }
        return line;
    }

    /** Advisors see their own site's contacts, supervisors all. */
    public boolean maySee(Site contactSite) {
        return supervisor || (advisor && site != null && site == contactSite);
    }

    /** Only advisors of the contact's site write to it. */
    public boolean mayWrite(Site contactSite) {
        return advisor && site != null && site == contactSite;
    }

    /** As {@link #maySee(Site)}, and the advisors of the site a call was handed on to ({@code sharedSite}, or null). */
    public boolean maySee(Site contactSite, Site sharedSite) {
        return maySee(contactSite) || mayWrite(sharedSite);
    }

    /** As {@link #mayWrite(Site)}, and the advisors of the site a call was handed on to ({@code sharedSite}, or null). */
    public boolean mayWrite(Site contactSite, Site sharedSite) {
        return mayWrite(contactSite) || mayWrite(sharedSite);
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                return unquote(value.toString());
            }
        }
        Object attribute = identity.getAttribute(name);
        return attribute == null ? null : attribute.toString();
    }

    /** A JSON string claim may arrive as a JsonString whose toString() keeps the quotes. */
    private static String unquote(String text) {
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
