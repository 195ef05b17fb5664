package dk.hotline.core.screen;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text a person sees on core's screens, in Danish: the one message bundle of this service. Templates use
 * {@code {msg:key}}; the texts themselves are in {@code messages/msg_da.properties} (one file to read and review).
 * Each screen adds its keys here and there, grouped by a comment.
 */
@MessageBundle(value = "msg", locale = "da")
public interface Msg {

    // ---- layout, shared by every screen ----
    @Message String app_name();
    @Message String authority();
    @Message String skip_to_content();
    @Message String sign_out();
    @Message String signed_in_as();
    @Message String main_menu();
    @Message String signed_out_title();
    @Message String signed_out_text();
    @Message String sign_in_again();
    @Message String site_AARHUS();
    @Message String site_COPENHAGEN();
    @Message String no_site();
    @Message String forbidden_title();
    @Message String forbidden_text();
    @Message String session_expired();
    @Message String footer_text();

    // ---- advisor console ----
    @Message String console_title();
    @Message String console_intro();
    @Message String nav_console();

    // ---- the console's forms and states ----
    @Message String label_callerRole();
    @Message String label_callerSector();
    @Message String label_concernCategory();
    @Message String label_ageBand();
    @Message String label_municipalityCode();
    @Message String label_adviceThemes();
    @Message String label_summary();
    @Message String label_outcome();
    @Message String label_severity();
    @Message String label_legalBasis();
    @Message String label_description();
    @Message String label_reason();
    @Message String label_field();
    @Message String label_contact_name();
    @Message String label_contact_phone();
    @Message String label_contact_email();
    @Message String err_callerSector_only_professional();
    @Message String err_callerContact_consent();
    @Message String err_municipalityCode_unknown();
    @Message String err_outcome_no_referral();
    @Message String err_required_callerRole();
    @Message String err_required_callerSector();
    @Message String err_required_concernCategory();
    @Message String err_required_ageBand();
    @Message String err_required_municipalityCode();
    @Message String err_required_adviceThemes();
    @Message String err_required_summary();
    @Message String err_required_outcome();
    @Message String err_required_severity();
    @Message String err_required_legalBasis();
    @Message String err_required_description();
    @Message String err_required_reason();
    @Message String err_amendment_changes_nothing();
    @Message String err_phone();
    @Message String err_email();
    @Message String error_summary_title();
    @Message String stale_title();
    @Message String stale_text();
    @Message String save_failed();
    @Message String saving();
    @Message String unsaved_offline();
    @Message String restored_local();
    @Message String waiting_for_call();
    @Message String waiting_hint();
    @Message String call_connected();
    @Message String line_NATIONAL();
    @Message String line_COPENHAGEN_LOCAL();
    @Message String field_line();
    @Message String field_site();
    @Message String field_wait();
    @Message String field_routing();
    @Message String routing_normal();
    @Message String routing_degraded();
    @Message String routing_degraded_hint();
    @Message String no_call();
    @Message String earlier_none();
    @Message String earlier_not_readable();
    @Message String contact_title();
    @Message String contact_draft();
    @Message String contact_final();
    @Message String choose();
    @Message String save_draft();
    @Message String finalise();
    @Message String finalise_hint();
    @Message String contentless_title();
    @Message String contentless_hint();
    @Message String referral_title();
    @Message String referral_hint();
    @Message String severity_hint();
    @Message String acute_title();
    @Message String acute_text();
    @Message String legal_hint();
    @Message String contact_hint();
    @Message String description_hint();
    @Message String summary_hint();
    @Message String municipality_hint();
    @Message String themes_hint();
    @Message String final_title();
    @Message String final_text(String time);
    @Message String amend_title();
    @Message String amend_hint();
    @Message String amend_submit();
    @Message String amendments_title();
    @Message String open_drafts();
    @Message String open_drafts_none();
    @Message String log_title();
    @Message String referral_sent();
    @Message String referral_deadline();
    @Message String referral_none();
    @Message String referral_status_title();
    @Message String nav_work();
    @Message String back_to_console();
    @Message String channel_HOTLINE_CALL();
    @Message String field_channel();
    @Message String err_too_long(String field);
    @Message String err_invalid(String field);
    @Message String err_choice(String field);
    @Message String saved_at(String time);
    @Message String earlier_count(int count);
    @Message String wait_seconds(long seconds);
    @Message String finalised_at(String time);

    // ---- what became of a referral ----
    @Message String status_ROUTED();
    @Message String status_DELIVERED();
    @Message String status_ACKNOWLEDGED();
    @Message String status_ACCEPTED();
    @Message String status_REJECTED();
    @Message String status_OVERDUE();
    @Message String status_ESCALATED();
    @Message String status_FORWARDED();
    @Message String status_OUTCOME_RECORDED();
    @Message String status_other();
    @Message String status_none();
    @Message String status_column();
    @Message String status_recipient();
    @Message String status_reason();

    // ---- the referral's recipient, as routing resolves it ----
    @Message String preview_incomplete();
    @Message String preview_unavailable();
    @Message String preview_acute();
    @Message String preview_goes_to(String recipient);
    @Message String preview_goes_to_deadline(String recipient, long hours);

    // ---- my work ----
    @Message String work_title();
    @Message String work_intro();
    @Message String work_show();
    @Message String work_today();
    @Message String work_drafts();
    @Message String work_unlogged();
    @Message String work_mine();
    @Message String work_filter();
    @Message String work_when();
    @Message String work_line();
    @Message String work_state();
    @Message String work_outcome();
    @Message String work_open();
    @Message String work_none();
    @Message String work_no_draft();

    // ---- statistics (supervisors) ----
    @Message String stat_title();
    @Message String stat_print_heading();
    @Message String stat_error_summary();
    @Message String stat_error();
    @Message String stat_year();
    @Message String stat_month();
    @Message String stat_site();
    @Message String stat_line();
    @Message String stat_show();
    @Message String stat_csv();
    @Message String stat_print();
    @Message String stat_period();
    @Message String stat_contacts();
    @Message String stat_cases();
    @Message String stat_cases_per_100();
    @Message String stat_baseline();
    @Message String stat_outside();
    @Message String stat_waiting();
    @Message String stat_talk();
    @Message String stat_closed();
    @Message String stat_suppression_note();
    @Message String stat_col_what();
    @Message String stat_col_count();
    @Message String stat_total();
    @Message String stat_whole_year();
    @Message String stat_all_sites();
    @Message String stat_all_lines();
    @Message String stat_line_NATIONAL();
    @Message String stat_line_COPENHAGEN_LOCAL();
    @Message String stat_b_contactsByMonth();
    @Message String stat_b_callsOffered();
    @Message String stat_b_callsAnswered();
    @Message String stat_b_callsAbandoned();
    @Message String stat_b_concern();
    @Message String stat_b_callerRole();
    @Message String stat_b_sector();
    @Message String stat_b_ageBand();
    @Message String stat_b_region();
    @Message String stat_b_outcome();
    @Message String stat_b_referralsBySeverity();
    @Message String stat_b_referralsByRecipient();
    @Message String stat_b_deadlineAdherence();
    @Message String stat_b_recipientOutcome();

    // ---- rotation admin (Vagtplan) ----
    @Message String rot_title();
    @Message String rot_year();
    @Message String rot_show_year();
    @Message String rot_dry_run();
    @Message String rot_at();
    @Message String rot_line();
    @Message String rot_try();
    @Message String rot_open();
    @Message String rot_closed();
    @Message String rot_line_is();
    @Message String rot_next_change();
    @Message String rot_on();
    @Message String rot_month();
    @Message String rot_site();
    @Message String rot_handover();
    @Message String rot_notes();
    @Message String rot_hours();
    @Message String rot_changes();
    @Message String rot_no_changes();
    @Message String rot_changes_caption();
    @Message String rot_when();
    @Message String rot_who();
    @Message String rot_what();
    @Message String rot_at_error();
}
