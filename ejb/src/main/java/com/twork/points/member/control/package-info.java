/** Loading members of the shop. */
package com.twork.points.member.control;
