package com.acme.shop.launcher;

public final class Launcher {

    public static void main(String[] args) {
        System.out.println("launcher: not yet implemented");
    }
}
