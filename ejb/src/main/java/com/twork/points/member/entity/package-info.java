/** The shop's customers, keyed by the shop's user id. */
package com.twork.points.member.entity;
