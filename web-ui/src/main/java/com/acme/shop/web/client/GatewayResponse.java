package com.acme.shop.web.client;

import org.springframework.http.HttpHeaders;

import tools.jackson.databind.json.JsonMapper;

/** A buffered gateway answer. */
public record GatewayResponse(int status, HttpHeaders headers, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public <T> T as(Class<T> type) {
        return JsonMapper.shared().readValue(body, type);
    }

    public ApiProblem problem() {
        return ApiProblem.parse(status, body);
    }

    public String etag() {
        return headers.getETag();
    }
}
