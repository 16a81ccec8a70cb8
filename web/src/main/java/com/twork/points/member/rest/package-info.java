/** The members API: GET and PUT /members/{user_id}. */
package com.twork.points.member.rest;
