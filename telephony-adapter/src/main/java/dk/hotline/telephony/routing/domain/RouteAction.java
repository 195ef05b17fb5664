package dk.hotline.telephony.routing.domain;

/** What the dialplan does with the call (channel variable HOTLINE_ACTION). */
public enum RouteAction {
    QUEUE,
    CLOSED,
    OVERFLOW
}
