package com.acme.shop.auth.account;

public enum AccountStatus {

    ACTIVE, DISABLED

}
