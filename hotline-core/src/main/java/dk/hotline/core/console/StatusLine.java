package dk.hotline.core.console;

/** One step of what became of a referral, as the advisor reads it (Danish label, Copenhagen time). */
public record StatusLine(String code, String label, String when, String recipient, String reason, String deadline) {
}
