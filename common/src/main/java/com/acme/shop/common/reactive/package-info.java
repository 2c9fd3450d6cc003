/**
 * Small Reactor helpers shared by the services.
 */
package com.acme.shop.common.reactive;
