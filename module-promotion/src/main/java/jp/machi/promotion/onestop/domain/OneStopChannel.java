package jp.machi.promotion.onestop.domain;

/** How a one-stop application reached the municipality: by mail (paper) or online (the portal sites' or an app's electronic filing). */
public enum OneStopChannel {
    MAIL,
    ONLINE
}
