package dk.hotline.core.console;

import dk.hotline.contracts.MunicipalityCode;
import dk.hotline.core.advice.domain.AdviceTheme;
import dk.hotline.contracts.vocabulary.AgeBand;
import dk.hotline.contracts.vocabulary.CallerRole;
import dk.hotline.contracts.vocabulary.ConcernCategory;
import dk.hotline.core.advice.domain.Outcome;
import dk.hotline.core.advice.domain.Sector;
import dk.hotline.core.contact.Contact;
import dk.hotline.core.reference.Municipalities;
import dk.hotline.core.contact.ContactPatch;
import dk.hotline.core.contact.domain.ContactField;
import dk.hotline.platform.problem.Problem;
import dk.hotline.core.referral.ReferralRequest;
import dk.hotline.core.referral.domain.LegalBasis;
import dk.hotline.contracts.vocabulary.Severity;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advice log form as the advisor filled it in (the submitted values, so that nothing typed is lost when the
 * server says no), and the Danish messages to show beside each field.
 */
public final class LogForm {

    /** Field order of the error summary: the order of the form. */
    static final List<String> FIELDS = List.of("version", "callerRole", "callerSector", "concernCategory", "ageBand",
            "municipalityCode", "adviceThemes", "summary", "outcome", "severity", "legalBasis", "description",
            "callerContact", "callerContact.name", "callerContact.phone", "callerContact.email", "reason", "changes", "status");

    public String version = "";
    public String callerRole = "";
    public String callerSector = "";
    public String concernCategory = "";
    public String ageBand = "";
    public String municipalityCode = "";
    public Set<String> adviceThemes = new LinkedHashSet<>();
    public String summary = "";
    public String outcome = "";
    public String severity = "";
    public String legalBasis = "";
    public String description = "";
    public String contactName = "";
    public String contactPhone = "";
    public String contactEmail = "";
    public String reason = "";
    /** Danish message per field, in form order. */
    public final Map<String, String> errors = new LinkedHashMap<>();

    public static LogForm of(Contact c) {
        LogForm f = new LogForm();
        f.version = Long.toString(c.version);
        f.callerRole = name(c.callerRole);
        f.callerSector = name(c.callerSector);
        f.concernCategory = name(c.concernCategory);
        f.ageBand = name(c.ageBand);
        f.municipalityCode = c.municipalityCode == null ? "" : c.municipalityCode;
        c.adviceThemes.forEach(t -> f.adviceThemes.add(t.name()));
        String summary = c.getSummary();
        f.summary = summary == null ? "" : summary;
        f.outcome = name(c.outcome);
        return f;
    }

    public static LogForm of(MultivaluedMap<String, String> form) {
        LogForm f = new LogForm();
        f.version = one(form, "version");
        f.callerRole = one(form, "callerRole");
        f.callerSector = one(form, "callerSector");
        f.concernCategory = one(form, "concernCategory");
        f.ageBand = one(form, "ageBand");
        f.municipalityCode = one(form, "municipalityCode");
        List<String> themes = form.get("adviceThemes");
        if (themes != null) {
            themes.stream().filter(t -> !t.isBlank()).forEach(f.adviceThemes::add);
        }
        f.summary = one(form, "summary");
        f.outcome = one(form, "outcome");
        f.severity = one(form, "severity");
        f.legalBasis = one(form, "legalBasis");
        f.description = one(form, "description");
        f.contactName = one(form, "contactName");
        f.contactPhone = one(form, "contactPhone");
        f.contactEmail = one(form, "contactEmail");
        f.reason = one(form, "reason");
        return f;
    }

    // ---- for the templates ----

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<Map.Entry<String, String>> errorList() {
        return List.copyOf(errors.entrySet());
    }

    public boolean theme(String code) {
        return adviceThemes.contains(code);
    }

    public boolean professional() {
        return CallerRole.PROFESSIONAL.name().equals(callerRole);
    }

    public boolean referring() {
        return Outcome.REFERRAL.name().equals(outcome) || Outcome.ADVISED_TO_CALL_112.name().equals(outcome);
    }

    // ---- to the services ----

    /** The version the advisor's page was at, or null when the form did not say. */
    Long expectedVersion() {
        try {
            return version.isBlank() ? null : Long.valueOf(version);
        } catch (NumberFormatException e) {
            errors.put("version", "");
            return null;
        }
    }

    /**
     * The whole form as a change of the log: an empty field is cleared. A sector is kept only for a professional
     * (the field is hidden otherwise). A value that is not one of the choices is named in {@link #errors}.
     */
    ContactPatch patch(FieldErrorWording fieldErrorWording) {
        Set<ContactField> clear = EnumSet.noneOf(ContactField.class);
        CallerRole role = parse(CallerRole.class, "callerRole", callerRole, clear, ContactField.callerRole, fieldErrorWording);
        Sector sector = role == CallerRole.PROFESSIONAL
                ? parse(Sector.class, "callerSector", callerSector, clear, ContactField.callerSector, fieldErrorWording) : null;
        if (sector == null) {
            clear.add(ContactField.callerSector);
        }
        ConcernCategory concern = parse(ConcernCategory.class, "concernCategory", concernCategory, clear, ContactField.concernCategory, fieldErrorWording);
        AgeBand age = parse(AgeBand.class, "ageBand", ageBand, clear, ContactField.ageBand, fieldErrorWording);
        String municipality = municipalityCode.isBlank() ? null : MunicipalityCode.normalise(municipalityCode);
        if (municipality == null) {
            clear.add(ContactField.municipalityCode);
        } else if (!MunicipalityCode.isWellFormed(municipality)) {
            errors.put("municipalityCode", fieldErrorWording.message("municipalityCode", Municipalities.UNKNOWN));
            municipality = null;
        }
        Set<AdviceTheme> themes = EnumSet.noneOf(AdviceTheme.class);
        for (String t : adviceThemes) {
            AdviceTheme theme = Arrays.stream(AdviceTheme.values()).filter(v -> v.name().equals(t)).findFirst().orElse(null);
            if (theme == null) {
                errors.put("adviceThemes", fieldErrorWording.invalidChoice("adviceThemes"));
            } else {
                themes.add(theme);
            }
        }
        if (themes.isEmpty()) {
            clear.add(ContactField.adviceThemes);
        }
        String text = summary.isBlank() ? null : summary;
        if (text == null) {
            clear.add(ContactField.summary);
        }
        Outcome result = parse(Outcome.class, "outcome", outcome, clear, ContactField.outcome, fieldErrorWording);
        return new ContactPatch(role, sector, concern, age, municipality, themes.isEmpty() ? null : themes, text, result, clear);
    }

    /** The referral part of the form, or null when the log's outcome hands nothing on. */
    ReferralRequest referral(FieldErrorWording fieldErrorWording) {
        if (!referring()) {
            return null;
        }
        Severity s = parse(Severity.class, "severity", severity, null, null, fieldErrorWording);
        LegalBasis basis = parse(LegalBasis.class, "legalBasis", legalBasis, null, null, fieldErrorWording);
        ReferralRequest.CallerContact contact = new ReferralRequest.CallerContact(blankToNull(contactName),
                blankToNull(contactPhone), blankToNull(contactEmail));
        return new ReferralRequest(s, null, null, basis, contact.isEmpty() ? null : contact, blankToNull(description));
    }

    void problems(List<Problem.FieldError> problems, FieldErrorWording fieldErrorWording) {
        for (Problem.FieldError p : problems) {
            String field = p.field().startsWith("referral.") ? p.field().substring("referral.".length()) : p.field();
            errors.putIfAbsent(field, fieldErrorWording.message(field, p.message()));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        FIELDS.forEach(k -> {
            if (errors.containsKey(k)) {
                ordered.put(k, errors.get(k));
            }
        });
        errors.forEach(ordered::putIfAbsent);
        errors.clear();
        errors.putAll(ordered);
    }

    private <E extends Enum<E>> E parse(Class<E> type, String field, String value, Set<ContactField> clear, ContactField name, FieldErrorWording fieldErrorWording) {
        if (value == null || value.isBlank()) {
            if (clear != null) {
                clear.add(name);
            }
            return null;
        }
        E parsed = Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst().orElse(null);
        if (parsed == null) {
            errors.put(field, fieldErrorWording.invalidChoice(field));
        }
        return parsed;
    }

    private static String one(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String name(Enum<?> e) {
        return e == null ? "" : e.name();
    }
}
