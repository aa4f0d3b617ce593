/*
 * motcua: the Cockpit plugin "Chỉ số phục vụ": a page of its own (#/chi-so-phuc-vu) and its link in
 * Cockpit's header, drawing the service index with ./chi-so-view.js.
 */
import {renderIndex} from './chi-so-view.js';

export default [
  {
    id: 'motcua-chi-so-phuc-vu-route',
    pluginPoint: 'cockpit.route',
    priority: 1,
    properties: {path: '/chi-so-phuc-vu'},
    render: node => renderIndex(node, {base: ''})
  },
  {
    id: 'motcua-chi-so-phuc-vu-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: '/chi-so-phuc-vu'},
    render: node => {
      node.innerHTML = '<a href="#/chi-so-phuc-vu">Chỉ số phục vụ</a>';
    }
  }
];
