/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// motcua: Tasklist in Vietnamese for every official (whatever the browser's language), shortcut
// descriptions included, the task list sorted by due date first, counts on every filter, forms in
// Vietnamese (dd/mm/yyyy dates, messages) and only the actions an official can use (../motcua/*.js).
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  customScripts: ['motcua/due-date-first', 'motcua/filter-counts', 'motcua/form-language', 'motcua/actions', 'motcua/names', 'motcua/slips',
    'motcua/index-link'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận xử lý công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển đến bộ lọc đầu tiên trong danh sách'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển đến công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển đến ô nhập liệu đầu tiên của biểu mẫu công việc'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại khởi tạo quy trình'
    }
  }
};
