package dk.hotline.telephony.routing.domain;

import java.util.regex.Pattern;

/** Which caller numbers can be called back: digits, optionally with a leading + (not withheld, not "anonymous"). */
public final class CallbackNumbers {

    private static final Pattern CALLABLE = Pattern.compile("\\+?[0-9]{3,20}");

    private CallbackNumbers() {
    }

    public static boolean callable(String number) {
        return number != null && CALLABLE.matcher(number).matches();
    }
}
