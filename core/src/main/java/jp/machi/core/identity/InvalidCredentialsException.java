package jp.machi.core.identity;

/** Credentials that were recognised but do not prove who the caller is: answered with 401. */
public class InvalidCredentialsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCredentialsException(String why) {
        super(why);
    }
}
