/** Member failures visible to callers (unknown member, inactive member). */
package com.twork.points.member.boundary;
