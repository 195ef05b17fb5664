package dk.hotline.routing.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text a person sees on routing's pages, in Danish (the e-mails' wording is {@code notification.MailMsg}).
 * Templates use {@code {msg:key}}; the texts are in {@code messages/msg_da.properties}.
 */
@MessageBundle(value = "msg", locale = "da")
public interface Msg {

    // ---- around every page (the texts both services share are in dk.hotline.web.CommonMsg) ----
    @Message String main_menu();
    @Message String nav_inbox();
    @Message String nav_directory();
    @Message String session_expired();
    @Message String error_summary_title();
    @Message String no_organisation();

    // ---- inbox ----
    @Message String inbox_title(int open);
    @Message String inbox_heading();
    @Message String inbox_intro();
    @Message String filter_label();
    @Message String filter_submit();
    @Message String show_open();
    @Message String show_all();
    @Message String bucket_OVERDUE();
    @Message String bucket_DUE_SOON();
    @Message String bucket_NEW();
    @Message String bucket_ACKNOWLEDGED();
    @Message String bucket_ACCEPTED();
    @Message String bucket_CLOSED();
    @Message String col_referral();
    @Message String col_received();
    @Message String col_deadline();
    @Message String col_severity();
    @Message String col_municipality();
    @Message String col_state();
    @Message String col_countdown();
    @Message String sorted_by();
    @Message String inbox_none();
    @Message String countdown_left();
    @Message String countdown_over();
    @Message String copy_marker();
    @Message String open_referral(String received);
    @Message String unknown_municipality();

    // ---- vocabularies ----
    @Message String severity_ACUTE();
    @Message String severity_HIGH();
    @Message String severity_MEDIUM();
    @Message String severity_LOW();
    @Message String age_UNDER_15();
    @Message String age_AGE_15_17();
    @Message String age_AGE_18_24();
    @Message String age_AGE_25_PLUS();
    @Message String age_UNKNOWN();
    @Message String concern_MILITANT_ISLAMISM();
    @Message String concern_RIGHT_WING_EXTREMISM();
    @Message String concern_LEFT_WING_EXTREMISM();
    @Message String concern_ANTI_AUTHORITY_EXTREMISM();
    @Message String concern_MISOGYNY_INCEL();
    @Message String concern_HYBRID();
    @Message String concern_UNCLEAR();
    @Message String concern_NOT_EXTREMISM_RELATED();
    @Message String legal_CONSENT();
    @Message String legal_AJA_115();
    @Message String legal_ANONYMOUS();
    @Message String outcome_CASE_STARTED();
    @Message String outcome_NOT_CONFIRMED();
    @Message String outcome_HANDED_TO_POLICE();
    @Message String outcome_REFERRED_TO_OTHER_SERVICE();
    @Message String outcome_NO_CONTACT();
    @Message String progress_ROUTED();
    @Message String progress_DELIVERED();
    @Message String progress_ACKNOWLEDGED();
    @Message String progress_ACCEPTED();
    @Message String progress_REJECTED();
    @Message String progress_CLOSED();
    @Message String line_NATIONAL();
    @Message String line_COPENHAGEN_LOCAL();
    @Message String site_AARHUS();
    @Message String site_COPENHAGEN();
    @Message String kind_INFOHUS();
    @Message String kind_SSP_NETWORK();
    @Message String kind_COORDINATION_UNIT();
    @Message String kind_POLICE_DISTRICT();
    @Message String kind_TRIAGE();
    @Message String other(String code);

    // ---- one referral ----
    @Message String ref_title();
    @Message String ref_back();
    @Message String ref_sent();
    @Message String ref_why();
    @Message String ref_deadline();
    // why a referral came here (RoutingReasonWording); arrows as in the English explanation
    @Message String why_belongs(String place, String code, String district);
    @Message String why_territory(String place, String code, String district);
    @Message String why_no_municipality();
    @Message String why_unknown_municipality(String code);
    @Message String why_ACUTE_POLICE(String belongs, String district);
    @Message String why_ACUTE_POLICE_site(String unknown, String site, String district);
    @Message String why_COPENHAGEN_LOCAL_LINE(String recipient);
    @Message String why_TRIAGE(String unknown, String site, String recipient);
    @Message String why_MINOR_SSP(String place, String code, String recipient, String copy, String belongs);
    @Message String why_INFOHUS(String belongs, String recipient);
    @Message String why_first(String first);

    @Message String ref_deadline_rule(String severity, int hours);
    @Message String ref_deadline_rule_forwarded(String severity, int hours);
    @Message String ref_acute_rule();
    @Message String ref_created();
    @Message String ref_line();
    @Message String ref_site();
    @Message String ref_municipality();
    @Message String ref_age();
    @Message String ref_concern();
    @Message String ref_legal();
    @Message String ref_description();
    @Message String ref_contact();
    @Message String ref_contact_none();
    @Message String ref_contact_name();
    @Message String ref_contact_phone();
    @Message String ref_contact_email();
    @Message String ref_status();
    @Message String ref_forwarded_from(String organisation);
    @Message String ref_forward_reason();
    @Message String ref_outcome();
    @Message String ref_outcome_note();
    @Message String ref_decision_reason();
    @Message String ref_copy_note();
    @Message String ref_overdue();

    // ---- actions ----
    @Message String act_title();
    @Message String act_acknowledge();
    @Message String act_accept();
    @Message String act_reject();
    @Message String act_reject_reason();
    @Message String act_forward();
    @Message String act_forward_to();
    @Message String act_forward_reason();
    @Message String act_forward_hint();
    @Message String act_outcome();
    @Message String act_outcome_choice();
    @Message String act_outcome_note();
    @Message String act_outcome_save();
    @Message String act_choose();
    @Message String act_reason_hint();
    @Message String done_forwarded(String organisation);
    @Message String err_reason_required();
    @Message String err_too_long();
    @Message String err_target_required();
    @Message String err_target_self();
    @Message String err_outcome_required();
    @Message String err_conflict();

    // ---- directory (supervisors) ----
    @Message String dir_title();
    @Message String dir_intro();
    @Message String dir_orgs();
    @Message String dir_filter();
    @Message String col_org();
    @Message String col_kind();
    @Message String col_mailbox();
    @Message String col_webhook();
    @Message String dir_edit(String organisation);
    @Message String dir_mailbox();
    @Message String dir_mailbox_hint();
    @Message String dir_mode();
    @Message String mode_INBOX();
    @Message String mode_WEBHOOK();
    @Message String dir_webhook_url();
    @Message String dir_webhook_secret();
    @Message String dir_webhook_secret_hint();
    @Message String dir_secret_set();
    @Message String dir_none();
    @Message String dir_save();
    @Message String dir_saved(String organisation);
    @Message String dir_mapping();
    @Message String dir_versions();
    @Message String dir_mapping_note();
    @Message String col_version();
    @Message String col_valid_from();
    @Message String col_code();
    @Message String col_district();
    @Message String col_infohus();
    @Message String err_mailbox();
    @Message String err_webhookUrl();
    @Message String err_webhookSecret();
    @Message String err_mode();
    @Message String err_change_reason();
    @Message String err_change_reason_long();
    @Message String dir_reason();
    @Message String dir_changes();
    @Message String dir_changes_none();
    @Message String col_changed_at();
    @Message String col_changed_by();
    @Message String col_change_reason();
    @Message String dir_reason_hint();

    // ---- e-mails to functional mailboxes: ids and times only, never personal data ----
}
