package com.acme.shop.web.session;

/**
 * A class no session value may name. Loading, initialising or instantiating it leaves a
 * trace in a system property, so tests can check that it never happened without touching
 * the class themselves.
 */
public class Gadget {

    public static final String TRACE = "shop.test.gadget";

    static {
        System.setProperty(TRACE, "initialised");
    }

    public String command;

    public Gadget() {
        System.setProperty(TRACE, "instantiated");
    }

}
